using System.Collections.Concurrent;
using System.Diagnostics;

namespace TradingPlatform.Bench.Realtime;

/// <summary>
/// When each tick was published. Every tick of a symbol has a bid no earlier tick had, so a client that reads a
/// price update's symbol and bid finds the moment its tick entered the Api, whatever the server's own timestamps say.
/// </summary>
internal sealed class TickLedger
{
    private readonly ConcurrentDictionary<(string Symbol, decimal Bid), long> _publishedAt = new();

    public void Record(string symbol, decimal bid) => _publishedAt[(symbol, bid)] = Stopwatch.GetTimestamp();

    public bool TryLatencyMs(string symbol, decimal bid, long receivedAt, out double milliseconds)
    {
        if (_publishedAt.TryGetValue((symbol, bid), out var publishedAt))
        {
            milliseconds = Stopwatch.GetElapsedTime(publishedAt, receivedAt).TotalMilliseconds;
            return true;
        }

        milliseconds = 0;
        return false;
    }
}
