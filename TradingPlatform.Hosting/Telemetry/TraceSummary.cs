namespace TradingPlatform.Hosting.Telemetry;

/// <summary>A row of the traces list: one trace, joined by id across every resource that reported spans of it.</summary>
/// <param name="RootName">The root span's name (or the earliest span's while the root has not arrived).</param>
/// <param name="Resources">The resources involved, in the order their first span started.</param>
public sealed record TraceSummary(
    string TraceId,
    string RootName,
    string RootResource,
    DateTime Start,
    TimeSpan Duration,
    int SpanCount,
    IReadOnlyList<string> Resources,
    bool HasError);
