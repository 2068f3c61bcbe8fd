using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingPlatform.Hosting.Telemetry.Ingest;
using TradingPlatform.Hosting.Telemetry.Otlp.Collector.Logs.V1;
using TradingPlatform.Hosting.Telemetry.Otlp.Collector.Metrics.V1;
using TradingPlatform.Hosting.Telemetry.Otlp.Collector.Trace.V1;

namespace TradingPlatform.Hosting.Telemetry;

/// <summary>
/// The AppHost's in-memory telemetry: logs, spans and metric points received over OTLP, bounded per resource
/// (<see cref="TelemetryLimits"/>), oldest evicted first. Spans of one trace are joined by trace id across resources.
/// One lock guards everything: OTLP batches are converted to records outside it, so the lock is only held for
/// appends and for the dashboard's queries, which copy what they return.
/// </summary>
public sealed class TelemetryStore
{
    private readonly Lock _lock = new();
    private readonly TelemetryLimits _limits;
    private readonly Dictionary<string, ResourceTelemetry> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TraceEntry> _traces = new(StringComparer.Ordinal);
    private long _logSequence;

    public TelemetryStore(IOptions<TelemetryLimits> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits.Value;
    }

    /// <summary>Raised after each received batch was stored (on the receiving thread, outside the lock).</summary>
    public event EventHandler? Changed;

    public IReadOnlyList<TelemetryResource> GetResources()
    {
        lock (_lock)
        {
            return _resources.Values.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => r.Describe()).ToArray();
        }
    }

    /// <summary>Matching log entries, newest first.</summary>
    public IReadOnlyList<TelemetryLogEntry> GetLogs(LogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var traceId = query.TraceId?.ToLowerInvariant();
        var matches = new List<TelemetryLogEntry>();
        lock (_lock)
        {
            foreach (var resource in Selected(query.Resource))
            {
                // Each resource contributes at most Limit entries; the merge below keeps the newest Limit overall.
                var taken = 0;
                foreach (var entry in resource.Logs.NewestFirst())
                {
                    if (taken == query.Limit)
                    {
                        break;
                    }

                    if ((query.MinimumLevel is not { } level || entry.Level >= level)
                        && (traceId is null || entry.TraceId == traceId)
                        && (string.IsNullOrEmpty(query.Text) || LogContains(entry, query.Text)))
                    {
                        matches.Add(entry);
                        taken++;
                    }
                }
            }
        }

        return matches
            .OrderByDescending(e => e.Timestamp)
            .ThenByDescending(e => e.Sequence)
            .Take(Math.Max(0, query.Limit))
            .ToArray();
    }

    /// <summary>Matching traces, the latest started first.</summary>
    public IReadOnlyList<TraceSummary> GetTraces(TraceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_lock)
        {
            return _traces.Values
                .Where(t => !query.ErrorsOnly || t.Summary.HasError)
                .Where(t => query.Resource is null || t.Summary.Resources.Contains(query.Resource, StringComparer.Ordinal))
                .Where(t => string.IsNullOrEmpty(query.Text) || t.NameContains(query.Text))
                .Select(t => t.Summary)
                .OrderByDescending(s => s.Start)
                .Take(Math.Max(0, query.Limit))
                .ToArray();
        }
    }

    /// <summary>Every span held of a trace, across resources, by start time (the waterfall's order); empty when unknown.</summary>
    public IReadOnlyList<TelemetrySpan> GetTrace(string traceId)
    {
        ArgumentNullException.ThrowIfNull(traceId);
        lock (_lock)
        {
            return _traces.TryGetValue(traceId.ToLowerInvariant(), out var trace)
                ? trace.Spans.OrderBy(s => s.Start).ThenBy(s => s.IsRoot ? 0 : 1).ToArray()
                : [];
        }
    }

    /// <summary>The instruments of one resource, or of all when <paramref name="resource"/> is null, by resource and name.</summary>
    public IReadOnlyList<MetricInstrument> GetInstruments(string? resource = null)
    {
        lock (_lock)
        {
            return Selected(resource)
                .SelectMany(r => r.Instruments.Values.Select(i => i.Instrument))
                .OrderBy(i => i.Resource, StringComparer.Ordinal)
                .ThenBy(i => i.Name, StringComparer.Ordinal)
                .ToArray();
        }
    }

    /// <summary>An instrument's points, one series per attribute set (in order of first appearance); null when unknown.</summary>
    public MetricData? GetMetric(string resource, string instrumentName)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(instrumentName);
        MetricInstrument instrument;
        MetricPoint[] points;
        lock (_lock)
        {
            if (!_resources.TryGetValue(resource, out var telemetry)
                || !telemetry.Instruments.TryGetValue(instrumentName, out var data))
            {
                return null;
            }

            instrument = data.Instrument;
            points = [.. data.Points.OldestFirst()];
        }

        var series = points
            .GroupBy(p => SeriesKey(p.Attributes), StringComparer.Ordinal)
            .Select(g => new MetricSeries(g.First().Attributes, g.OrderBy(p => p.Timestamp).ToArray()))
            .ToArray();
        return new MetricData(instrument, series);
    }

    internal void Add(ExportTraceServiceRequest request)
    {
        var batches = new List<(string Resource, string Instance, List<TelemetrySpan> Spans)>();
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var (name, instance) = OtlpValues.Identity(resourceSpans.Resource);
            var spans = new List<TelemetrySpan>();
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = scopeSpans.Scope?.Name ?? string.Empty;
                spans.AddRange(scopeSpans.Spans.Select(s => OtlpMapper.Span(s, name, instance, scope)));
            }

            batches.Add((name, instance, spans));
        }

        lock (_lock)
        {
            foreach (var (name, instance, spans) in batches)
            {
                var resource = Resource(name, instance);
                foreach (var span in spans)
                {
                    AddSpan(resource, span);
                }
            }
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    internal void Add(ExportLogsServiceRequest request)
    {
        var batches = new List<(string Resource, string Instance, List<(Otlp.Logs.V1.LogRecord Record, string Category)> Records)>();
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var (name, instance) = OtlpValues.Identity(resourceLogs.Resource);
            var records = resourceLogs.ScopeLogs
                .SelectMany(s => s.LogRecords.Select(r => (r, s.Scope?.Name ?? string.Empty)))
                .ToList();
            batches.Add((name, instance, records));
        }

        lock (_lock)
        {
            foreach (var (name, instance, records) in batches)
            {
                var resource = Resource(name, instance);
                foreach (var (record, category) in records)
                {
                    // The sequence orders entries with equal timestamps; it is assigned under the lock so it is unique.
                    resource.Logs.Add(OtlpMapper.Log(record, name, instance, category, ++_logSequence), out _);
                }
            }
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    internal void Add(ExportMetricsServiceRequest request)
    {
        var batches = new List<(string Resource, string Instance, List<(MetricInstrument Instrument, MetricPoint[] Points)> Metrics)>();
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var (name, instance) = OtlpValues.Identity(resourceMetrics.Resource);
            var metrics = new List<(MetricInstrument, MetricPoint[])>();
            foreach (var scopeMetrics in resourceMetrics.ScopeMetrics)
            {
                foreach (var metric in scopeMetrics.Metrics)
                {
                    if (OtlpMapper.Type(metric) is { } type)
                    {
                        var instrument = new MetricInstrument(
                            name, metric.Name, metric.Description, metric.Unit, type, scopeMetrics.Scope?.Name ?? string.Empty);
                        metrics.Add((instrument, OtlpMapper.Points(metric).ToArray()));
                    }
                }
            }

            batches.Add((name, instance, metrics));
        }

        lock (_lock)
        {
            foreach (var (name, instance, metrics) in batches)
            {
                var resource = Resource(name, instance);
                foreach (var (instrument, points) in metrics)
                {
                    AddPoints(resource, instrument, points);
                }
            }
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    private void AddSpan(ResourceTelemetry resource, TelemetrySpan span)
    {
        if (!_traces.TryGetValue(span.TraceId, out var trace))
        {
            trace = new TraceEntry(span.TraceId);
            _traces.Add(span.TraceId, trace);
        }

        if (!trace.Add(span))
        {
            return;
        }

        if (resource.Spans.Add(span, out var evicted) && _traces.TryGetValue(evicted.TraceId, out var evictedTrace))
        {
            evictedTrace.Remove(evicted);
            if (evictedTrace.Count == 0)
            {
                _traces.Remove(evicted.TraceId);
            }
        }
    }

    private void AddPoints(ResourceTelemetry resource, MetricInstrument instrument, MetricPoint[] points)
    {
        if (resource.Instruments.TryGetValue(instrument.Name, out var data))
        {
            // The latest description wins (a service restarted with a new version may have changed it).
            if (data.Instrument != instrument)
            {
                data.Instrument = instrument;
            }
        }
        else
        {
            if (resource.Instruments.Count >= _limits.MaxInstrumentsPerResource)
            {
                return;
            }

            data = new InstrumentTelemetry(instrument, _limits.MaxPointsPerInstrument);
            resource.Instruments.Add(instrument.Name, data);
        }

        foreach (var point in points)
        {
            data.Points.Add(point, out _);
        }
    }

    private ResourceTelemetry Resource(string name, string instanceId)
    {
        if (!_resources.TryGetValue(name, out var resource))
        {
            resource = new ResourceTelemetry(name, _limits);
            _resources.Add(name, resource);
        }

        resource.SeenInstance(instanceId);
        return resource;
    }

    private IEnumerable<ResourceTelemetry> Selected(string? resource) =>
        resource is null ? _resources.Values
        : _resources.TryGetValue(resource, out var one) ? new[] { one }
        : Array.Empty<ResourceTelemetry>();

    private static bool LogContains(TelemetryLogEntry entry, string text)
    {
        if (entry.Message.Contains(text, StringComparison.OrdinalIgnoreCase)
            || entry.Category.Contains(text, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var attribute in entry.Attributes)
        {
            if (attribute.Key.Contains(text, StringComparison.OrdinalIgnoreCase)
                || attribute.Value.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Unit and record separators cannot appear in sensible attribute text, so distinct sets get distinct keys.
    private static string SeriesKey(IReadOnlyList<TelemetryAttribute> attributes) =>
        string.Join('\u001e', attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + '\u001f' + a.Value));
}
