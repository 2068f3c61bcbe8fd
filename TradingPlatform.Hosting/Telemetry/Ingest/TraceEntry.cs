namespace TradingPlatform.Hosting.Telemetry.Ingest;

/// <summary>
/// The spans of one trace from every resource, joined by trace id as they arrive (api, ai and worker export separately
/// and in any order). The summary is computed on demand and cached until the trace changes.
/// </summary>
internal sealed class TraceEntry(string traceId)
{
    private readonly List<TelemetrySpan> _spans = [];
    private readonly HashSet<string> _spanIds = new(StringComparer.Ordinal);
    private TraceSummary? _summary;

    public string TraceId { get; } = traceId;

    public int Count => _spans.Count;

    public IReadOnlyList<TelemetrySpan> Spans => _spans;

    /// <summary>False for a span already held (an exporter retrying a batch it thought lost).</summary>
    public bool Add(TelemetrySpan span)
    {
        if (!_spanIds.Add(span.SpanId))
        {
            return false;
        }

        _spans.Add(span);
        _summary = null;
        return true;
    }

    public void Remove(TelemetrySpan span)
    {
        if (_spans.Remove(span))
        {
            _spanIds.Remove(span.SpanId);
            _summary = null;
        }
    }

    public TraceSummary Summary => _summary ??= Summarize();

    public bool NameContains(string text) =>
        _spans.Exists(s => s.Name.Contains(text, StringComparison.OrdinalIgnoreCase));

    private TraceSummary Summarize()
    {
        var start = DateTime.MaxValue;
        var end = DateTime.MinValue;
        var hasError = false;
        TelemetrySpan? root = null;
        TelemetrySpan? earliest = null;
        foreach (var span in _spans)
        {
            start = span.Start < start ? span.Start : start;
            end = span.End > end ? span.End : end;
            hasError |= span.Status == TelemetrySpanStatus.Error;
            if (span.IsRoot && (root is null || span.Start < root.Start))
            {
                root = span;
            }

            if (earliest is null || span.Start < earliest.Start)
            {
                earliest = span;
            }
        }

        // Until the root arrives (or when it was evicted) the earliest span stands for the trace.
        var head = root ?? earliest!;
        var resources = _spans.OrderBy(s => s.Start).Select(s => s.Resource).Distinct(StringComparer.Ordinal).ToArray();
        return new TraceSummary(TraceId, head.Name, head.Resource, start, end > start ? end - start : TimeSpan.Zero, _spans.Count, resources, hasError);
    }
}
