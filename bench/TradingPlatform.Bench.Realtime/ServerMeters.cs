using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Realtime;

namespace TradingPlatform.Bench.Realtime;

/// <summary>
/// The Api's own real-time meter, read in the server process while <see cref="Measuring"/> is set: its send-latency
/// histogram (receipt of a tick on the replica to the socket write completing) and the conflation counters.
/// </summary>
internal sealed class ServerMeters : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _conflated;
    private long _dropped;
    private long _slowConsumerCloses;
    private volatile bool _measuring;

    public ServerMeters(IServiceProvider services)
    {
        var scope = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RealtimeMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (Measuring && instrument.Name == RealtimeMetrics.SendDurationName)
            {
                SendLatency.Record(value);
            }
        });
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (!Measuring)
            {
                return;
            }

            switch (instrument.Name)
            {
                case "realtime.messages.conflated":
                    Interlocked.Add(ref _conflated, value);
                    break;
                case "realtime.messages.dropped":
                    Interlocked.Add(ref _dropped, value);
                    break;
                case "realtime.slow_consumer_closes":
                    Interlocked.Add(ref _slowConsumerCloses, value);
                    break;
            }
        });
        _listener.Start();
    }

    public bool Measuring
    {
        get => _measuring;
        set => _measuring = value;
    }

    public LatencyHistogram SendLatency { get; } = new();

    public long Conflated => Interlocked.Read(ref _conflated);

    public long Dropped => Interlocked.Read(ref _dropped);

    public long SlowConsumerCloses => Interlocked.Read(ref _slowConsumerCloses);

    public void Dispose() => _listener.Dispose();
}
