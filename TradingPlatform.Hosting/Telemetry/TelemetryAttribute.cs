namespace TradingPlatform.Hosting.Telemetry;

/// <summary>One attribute as the dashboard shows it: OTLP values (numbers, arrays, maps) are rendered to text once, at ingest.</summary>
public readonly record struct TelemetryAttribute(string Key, string Value)
{
    public override string ToString() => $"{Key}={Value}";
}
