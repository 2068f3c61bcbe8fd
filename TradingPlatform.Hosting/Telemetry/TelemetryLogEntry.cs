using Microsoft.Extensions.Logging;

namespace TradingPlatform.Hosting.Telemetry;

/// <summary>One structured log record as received over OTLP.</summary>
/// <param name="Level">The OTLP severity number mapped to the .NET levels (1–4 Trace … 21–24 Critical).</param>
/// <param name="SeverityText">The level as the sender wrote it (may be empty).</param>
/// <param name="Category">The instrumentation scope's name: the logger category for .NET services.</param>
/// <param name="TraceId">Lowercase hex, empty when the record was written outside a trace.</param>
/// <param name="SpanId">Lowercase hex, empty when the record was written outside a trace.</param>
public sealed record TelemetryLogEntry(
    long Sequence,
    DateTime Timestamp,
    string Resource,
    string InstanceId,
    LogLevel Level,
    string SeverityText,
    int SeverityNumber,
    string Message,
    string Category,
    string EventName,
    string TraceId,
    string SpanId,
    IReadOnlyList<TelemetryAttribute> Attributes);
