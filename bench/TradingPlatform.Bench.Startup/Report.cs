namespace TradingPlatform.Bench.Startup;

internal static class Report
{
    private const double MiB = 1024 * 1024;

    /// <summary>Prints the figures; true when each median meets its target.</summary>
    public static bool Print(IReadOnlyList<StackMeasurement> runs)
    {
        var median = runs.OrderBy(r => r.ColdStart).ElementAt(runs.Count / 2);
        Console.WriteLine();
        Console.WriteLine($"idle memory after the idle period ({median.LoadAtIdle}){(runs.Count > 1 ? ", the run with the median cold start" : "")}, and when each process was gone after SIGTERM:");
        var goneAt = median.Ended.ToDictionary(e => (e.Process.Process.Pid, e.Process.Process.StartTicks), e => e.GoneAt);
        Console.WriteLine($"{"pid",7}  {"user",-8} {"component",-10} {"process",-42} {"RSS MiB",8} {"PSS MiB",8} {"gone at",8}");
        foreach (var sample in median.Idle.OrderBy(s => s.Process.Component, StringComparer.Ordinal).ThenByDescending(s => s.Memory.PssBytes))
        {
            var p = sample.Process;
            var gone = goneAt.TryGetValue((p.Process.Pid, p.Process.StartTicks), out var at) ? $"{at.TotalSeconds:0.0} s" : "-";
            Console.WriteLine($"{p.Process.Pid,7}  {p.Process.User,-8} {p.Component,-10} {Clip(p.Detail, 42),-42} {sample.Memory.RssBytes / MiB,8:0.0} {sample.Memory.PssBytes / MiB,8:0.0} {gone,8}");
        }

        Console.WriteLine($"{"",7}  {"",-8} {"total",-10} {$"{median.Idle.Count} processes",-42} {median.TotalRss / MiB,8:0.0} {median.TotalPss / MiB,8:0.0}");
        Console.WriteLine();
        Console.WriteLine("by component:");
        foreach (var group in median.Idle.GroupBy(s => s.Process.Component).OrderByDescending(g => g.Sum(s => s.Memory.PssBytes)))
        {
            Console.WriteLine($"  {group.Key,-10} {group.Count(),3} processes  RSS {group.Sum(s => s.Memory.RssBytes) / MiB,7:0.0} MiB  PSS {group.Sum(s => s.Memory.PssBytes) / MiB,7:0.0} MiB");
        }

        Console.WriteLine();
        foreach (var (run, index) in runs.Select((r, i) => (r, i + 1)))
        {
            Console.WriteLine($"run {index}: all Healthy {run.ColdStart.TotalSeconds:0.00} s, stopped {run.Stop.TotalSeconds:0.00} s, idle PSS {run.TotalPss / MiB:0} MiB ({run.LoadAtStart} at start)");
            // When the last process of each component was gone, in that order.
            var timeline = run.Ended.GroupBy(e => e.Process.Component).Select(g => (Component: g.Key, GoneAt: g.Max(e => e.GoneAt)))
                .OrderBy(c => c.GoneAt).Select(c => $"{c.Component} {c.GoneAt.TotalSeconds:0.0}");
            Console.WriteLine($"  stop, each component gone at (s): {string.Join(", ", timeline)}");
            foreach (var leftover in run.Leftovers)
            {
                Console.WriteLine($"  still running {StackRun.StopPatienceText} after SIGTERM: {leftover.Process.Pid} {leftover.Detail}");
            }
        }

        // Each figure is its own median over the runs (the table above is the run with the median cold start).
        var start = Median(runs, r => r.ColdStart.TotalSeconds);
        var stop = Median(runs, r => r.Stop.TotalSeconds);
        var pss = Median(runs, r => r.TotalPss / MiB);
        var rss = Median(runs, r => r.TotalRss / MiB);
        var of = runs.Count > 1 ? $" (median of {runs.Count} runs)" : "";
        Console.WriteLine();
        var startMet = start < StackMeasurement.StartTarget.TotalSeconds;
        var memoryMet = pss < StackMeasurement.PssTarget / MiB;
        var stopMet = stop < StackMeasurement.StopTarget.TotalSeconds && runs.All(r => r.Leftovers.Count == 0);
        Console.WriteLine($"cold start to all Healthy      {start,8:0.00} s    target < {StackMeasurement.StartTarget.TotalSeconds:0} s      {Verdict(startMet)}{Range(runs, r => r.ColdStart.TotalSeconds, "s")}{of}");
        Console.WriteLine($"idle memory, total PSS         {pss,8:0} MiB  target < {StackMeasurement.PssTarget / MiB / 1024:0.0} GiB   {Verdict(memoryMet)}{Range(runs, r => r.TotalPss / MiB, "MiB")}{of}; total RSS {rss:0} MiB");
        Console.WriteLine($"SIGTERM to all processes gone  {stop,8:0.00} s    target < {StackMeasurement.StopTarget.TotalSeconds:0} s      {Verdict(stopMet)}{Range(runs, r => r.Stop.TotalSeconds, "s")}{of}");
        return startMet && memoryMet && stopMet;
    }

    private static double Median(IReadOnlyList<StackMeasurement> runs, Func<StackMeasurement, double> figure) =>
        runs.Select(figure).Order().ElementAt(runs.Count / 2);

    private static string Range(IReadOnlyList<StackMeasurement> runs, Func<StackMeasurement, double> figure, string unit) =>
        runs.Count > 1 ? $"   runs {runs.Min(figure):0.0}–{runs.Max(figure):0.0} {unit}" : "";

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
