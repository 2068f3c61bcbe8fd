using System.Collections.Concurrent;

namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>
/// This replica's subscribers of each public channel key (<c>price_updates:BTC-USD</c>, <c>candles:BTC-USD:1m</c>,
/// <c>news</c>, <c>system</c> …), so that the fan-out visits only the connections a message is for instead of looking
/// the key up in every connection. Each key holds an immutable array replaced on every change: subscribing is rare
/// and may copy, fanning out is ten times a second per symbol and only reads.
/// </summary>
internal sealed class SubscriberIndex
{
    private readonly ConcurrentDictionary<string, Subscriber[]> _byKey = new(StringComparer.Ordinal);
    private readonly Lock _writes = new();

    /// <summary>The subscribers of <paramref name="key"/> now (an empty array when there are none).</summary>
    public Subscriber[] For(string key) => _byKey.TryGetValue(key, out var subscribers) ? subscribers : [];

    public void Add(string key, Subscriber subscriber)
    {
        lock (_writes)
        {
            _byKey[key] = [.. For(key), subscriber];
        }
    }

    public void Remove(string key, RealtimeConnection connection)
    {
        lock (_writes)
        {
            var remaining = For(key).Where(s => s.Connection != connection).ToArray();
            if (remaining.Length == 0)
            {
                _byKey.TryRemove(key, out _);
            }
            else
            {
                _byKey[key] = remaining;
            }
        }
    }
}
