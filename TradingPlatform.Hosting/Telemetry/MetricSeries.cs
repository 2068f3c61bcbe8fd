namespace TradingPlatform.Hosting.Telemetry;

/// <summary>The points of one attribute set (one line of a chart), oldest first.</summary>
public sealed record MetricSeries(IReadOnlyList<TelemetryAttribute> Attributes, IReadOnlyList<MetricPoint> Points)
{
    /// <summary>The attribute set as one label, <c>key=value, …</c>; empty for the instrument's unlabelled series.</summary>
    public string Label => string.Join(", ", Attributes);
}
