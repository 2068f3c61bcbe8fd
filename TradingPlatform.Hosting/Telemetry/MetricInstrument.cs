namespace TradingPlatform.Hosting.Telemetry;

/// <summary>An instrument a resource reported (name unique per resource), with the scope (Meter) it came from.</summary>
public sealed record MetricInstrument(
    string Resource,
    string Name,
    string Description,
    string Unit,
    MetricInstrumentType Type,
    string Scope);
