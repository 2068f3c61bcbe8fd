namespace TradingPlatform.Hosting.Telemetry;

/// <summary>OTLP's span kinds, in the specification's order.</summary>
public enum TelemetrySpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}
