namespace TradingPlatform.Hosting.Telemetry;

/// <summary>OTLP's span status codes, in the specification's order.</summary>
public enum TelemetrySpanStatus
{
    Unset = 0,
    Ok = 1,
    Error = 2,
}
