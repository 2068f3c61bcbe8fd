namespace TradingPlatform.Hosting.Telemetry;

/// <summary>A timestamped event inside a span (for example an exception).</summary>
public sealed record TelemetrySpanEvent(DateTime Timestamp, string Name, IReadOnlyList<TelemetryAttribute> Attributes);
