namespace TradingPlatform.Hosting.Telemetry;

/// <summary>An instrument and its points over time, grouped by attribute set.</summary>
public sealed record MetricData(MetricInstrument Instrument, IReadOnlyList<MetricSeries> Series);
