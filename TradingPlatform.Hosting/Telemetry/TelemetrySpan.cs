namespace TradingPlatform.Hosting.Telemetry;

/// <summary>One span as received over OTLP. Ids are lowercase hex; <see cref="ParentSpanId"/> is empty for a root.</summary>
/// <param name="Scope">The instrumentation scope's name (the ActivitySource for .NET services).</param>
public sealed record TelemetrySpan(
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    TelemetrySpanKind Kind,
    string Resource,
    string InstanceId,
    string Scope,
    DateTime Start,
    DateTime End,
    TelemetrySpanStatus Status,
    string StatusMessage,
    IReadOnlyList<TelemetryAttribute> Attributes,
    IReadOnlyList<TelemetrySpanEvent> Events)
{
    public TimeSpan Duration => End >= Start ? End - Start : TimeSpan.Zero;

    public bool IsRoot => ParentSpanId.Length == 0;
}
