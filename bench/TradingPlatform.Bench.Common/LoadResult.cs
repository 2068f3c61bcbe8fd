using System.Globalization;

namespace TradingPlatform.Bench.Common;

/// <summary>Latencies of one closed-loop load phase.</summary>
public sealed record LoadResult(string Name, int Requests, int Failures, TimeSpan Duration, double P50Ms, double P99Ms)
{
    public double PerSecond => Requests / Duration.TotalSeconds;

    public static LoadResult From(string name, List<double> latenciesMs, int failures, TimeSpan duration)
    {
        latenciesMs.Sort();
        return new LoadResult(name, latenciesMs.Count, failures, duration, Percentile(latenciesMs, 0.50), Percentile(latenciesMs, 0.99));
    }

    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} {PerSecond:F1}/s p50 {P50Ms:F1} ms p99 {P99Ms:F1} ms ({Requests} ok, {Failures} failed)");

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
