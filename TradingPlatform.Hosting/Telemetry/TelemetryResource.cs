namespace TradingPlatform.Hosting.Telemetry;

/// <summary>
/// A resource that sent telemetry: its <c>service.name</c> (the AppHost sets <c>OTEL_SERVICE_NAME</c> to the resource
/// name) and the <c>service.instance.id</c>s seen for it (a restarted project reports a new one).
/// </summary>
public sealed record TelemetryResource(string Name, IReadOnlyList<string> InstanceIds, bool HasLogs, bool HasTraces, bool HasMetrics);
