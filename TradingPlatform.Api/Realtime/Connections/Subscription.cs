using TradingPlatform.Api.Realtime.Protocol;

namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>
/// One subscription of a connection: a user channel (with an optional account filter), or a public channel for one
/// symbol (and interval for candles). While a resume replays from Redis, live messages of a user channel are held and
/// afterwards only those newer than the last replayed one are sent, so the client sees each seq once and in order.
/// </summary>
internal sealed class Subscription(string channel, string? symbol, string? interval, Guid? accountId)
{
    public string Channel { get; } = channel;

    public string? Symbol { get; } = symbol;

    public string? Interval { get; } = interval;

    public Guid? AccountId { get; set; } = accountId;

    public SeqCounter Counter { get; } = new();

    public Lock Gate { get; } = new();

    /// <summary>The highest user-channel seq queued for the client (guarded by <see cref="Gate"/>).</summary>
    public long LastQueued { get; set; }

    /// <summary>Live messages that arrived while replaying (guarded by <see cref="Gate"/>); null when not replaying.</summary>
    public List<(long Seq, byte[] Message)>? Held { get; set; }

    public bool IsUser => RealtimeChannels.IsUser(Channel);

    public static string Key(string channel, string? symbol, string? interval) =>
        symbol is null ? channel : interval is null ? $"{channel}:{symbol}" : $"{channel}:{symbol}:{interval}";

    public string Key() => Key(Channel, Symbol, Interval);
}
