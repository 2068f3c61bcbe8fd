namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>A per-connection-subscription sequence for public channels (and connection-level messages), from 1.</summary>
internal sealed class SeqCounter
{
    private long _value;

    public long Next() => Interlocked.Increment(ref _value);
}
