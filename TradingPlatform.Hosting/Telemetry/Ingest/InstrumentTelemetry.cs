namespace TradingPlatform.Hosting.Telemetry.Ingest;

/// <summary>One instrument of one resource: its latest description and its newest points, bounded.</summary>
internal sealed class InstrumentTelemetry(MetricInstrument instrument, int maxPoints)
{
    public MetricInstrument Instrument { get; set; } = instrument;

    public RingBuffer<MetricPoint> Points { get; } = new(maxPoints);
}
