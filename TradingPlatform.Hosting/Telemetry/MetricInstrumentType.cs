namespace TradingPlatform.Hosting.Telemetry;

/// <summary>The OTLP metric data kinds the dashboard charts (exponential histograms and summaries count as histograms).</summary>
public enum MetricInstrumentType
{
    Gauge,
    Sum,
    Histogram,
}
