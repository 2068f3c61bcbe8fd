namespace TradingPlatform.Bench.Startup;

internal static class Report
{
    public static void Print(IReadOnlyList<StartupMeasurement> results, IFormatProvider format)
    {
        var median = results.OrderBy(r => r.ColdStartToHealthy).ElementAt(results.Count / 2);
        Console.WriteLine();
        Console.WriteLine(string.Format(format, "{0,-24} {1,12}", "resource", "idle RSS"));
        foreach (var (name, bytes) in median.IdleResidentBytes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Format(format, "{0,-24} {1,9:0.0} MiB", name, bytes / 1048576.0));
        }

        Console.WriteLine(string.Format(format, "{0,-24} {1,9:0.0} MiB   (target < {2:0} MiB) {3}", "total",
            median.TotalResidentBytes / 1048576.0, StartupMeasurement.MemoryTarget / 1048576.0,
            Verdict(median.TotalResidentBytes <= StartupMeasurement.MemoryTarget)));
        Console.WriteLine();
        foreach (var (result, index) in results.Select((r, i) => (r, i + 1)))
        {
            Console.WriteLine(string.Format(format, "run {0}: cold start to all-healthy {1:0.00} s, shutdown {2:0.00} s",
                index, result.ColdStartToHealthy.TotalSeconds, result.Shutdown.TotalSeconds));
        }

        Console.WriteLine(string.Format(format,
            "startup: cold start to all-healthy {0:0.00} s (target < {1:0} s) {2}; shutdown {3:0.00} s (target < {4:0} s) {5}; idle memory {6:0} MiB (target < {7:0} MiB) {8}",
            median.ColdStartToHealthy.TotalSeconds, StartupMeasurement.StartTarget.TotalSeconds,
            Verdict(median.ColdStartToHealthy <= StartupMeasurement.StartTarget),
            median.Shutdown.TotalSeconds, StartupMeasurement.ShutdownTarget.TotalSeconds,
            Verdict(median.Shutdown <= StartupMeasurement.ShutdownTarget),
            median.TotalResidentBytes / 1048576.0, StartupMeasurement.MemoryTarget / 1048576.0,
            Verdict(median.TotalResidentBytes <= StartupMeasurement.MemoryTarget)));
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
