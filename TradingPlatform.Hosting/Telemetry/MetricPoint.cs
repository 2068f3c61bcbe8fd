namespace TradingPlatform.Hosting.Telemetry;

/// <summary>
/// One data point. <see cref="Value"/> is what a chart plots: the number for gauges and sums, and for histograms
/// the mean (sum / count) because the buckets alone do not make a line. Sums and histograms from the .NET SDK are
/// cumulative by default, so successive points of a counter grow.
/// </summary>
/// <param name="Count">Histograms only: the number of recorded measurements.</param>
/// <param name="Sum">Histograms only: their sum, when the sender reported it.</param>
public sealed record MetricPoint(
    DateTime Timestamp,
    double Value,
    ulong? Count,
    double? Sum,
    double? Min,
    double? Max,
    IReadOnlyList<TelemetryAttribute> Attributes);
