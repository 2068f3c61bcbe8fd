namespace TradingPlatform.Hosting.Telemetry.Ingest;

/// <summary>Everything kept for one resource (one <c>service.name</c>), each kind bounded on its own.</summary>
internal sealed class ResourceTelemetry(string name, TelemetryLimits limits)
{
    // A resource restarted over and over must not grow this list forever either.
    private const int MaxInstanceIds = 32;

    private readonly List<string> _instanceIds = [];

    public string Name { get; } = name;

    public IReadOnlyList<string> InstanceIds => _instanceIds;

    public RingBuffer<TelemetryLogEntry> Logs { get; } = new(limits.MaxLogsPerResource);

    public RingBuffer<TelemetrySpan> Spans { get; } = new(limits.MaxSpansPerResource);

    public Dictionary<string, InstrumentTelemetry> Instruments { get; } = new(StringComparer.Ordinal);

    public bool HasMetrics => Instruments.Count > 0;

    public void SeenInstance(string instanceId)
    {
        if (instanceId.Length == 0 || (_instanceIds.Count > 0 && _instanceIds[^1] == instanceId) || _instanceIds.Contains(instanceId))
        {
            return;
        }

        if (_instanceIds.Count == MaxInstanceIds)
        {
            _instanceIds.RemoveAt(0);
        }

        _instanceIds.Add(instanceId);
    }

    public TelemetryResource Describe() =>
        new(Name, [.. _instanceIds], Logs.Count > 0, Spans.Count > 0, HasMetrics);
}
