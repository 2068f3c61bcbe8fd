using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Market.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Infrastructure.Market;

namespace TradingPlatform.Api.Market.Candles;

/// <summary>
/// Candle reads for the endpoints: stored bars of the interval plus, when the range reaches the present, the feed's
/// forming 1-minute candle merged into the bar that contains it. Stored gaps are returned as gaps. The forming candle
/// comes from Redis, where the feed's leader writes it on every tick (so every replica answers the same bar); it is
/// asked for while the database reads the stored bars, so a request waits for the slower of the two, not their sum.
/// </summary>
public sealed class CandleReader(CandleStore store, RedisQuoteStore redisQuotes, InstrumentRegistry registry, TimeProvider time)
{
    /// <summary>The symbol as known (instrument or imported series); 404 when neither.</summary>
    public async Task<string> ResolveSymbolAsync(string symbol, CancellationToken cancellationToken)
    {
        if (registry.Find(symbol) is { } instrument)
        {
            return instrument.Symbol;
        }

        if (!string.IsNullOrWhiteSpace(symbol) && symbol.Length <= 32 && await store.ExistsAsync(symbol, cancellationToken))
        {
            return symbol;
        }

        throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"Unknown symbol '{symbol}'.");
    }

    public async Task<IReadOnlyList<CandleResponse>> ReadAsync(string symbol, CandleQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = time.GetUtcNow();
        // A range that ends before the current bar can never include the forming one: no Redis read for it.
        var mayIncludeForming = query.End is null || query.End >= query.Interval.Floor(now);
        var formingRead = mayIncludeForming ? redisQuotes.GetFormingAsync(symbol) : Task.FromResult<Candle?>(null);
        var candles = await store.ReadBarsAsync(symbol, query.Interval, query.Start, query.End, query.Limit, now, cancellationToken);
        var forming = await formingRead;

        // The forming minute belongs at the end unless the range stops before it or a start-anchored page is already full.
        var truncated = query.Start is not null && candles.Count >= query.Limit;
        if (!truncated && forming is not null && !forming.IsCompleteAt(now))
        {
            var openTime = query.Interval.Floor(forming.OpenTime);
            var inRange = (query.Start is null || openTime >= query.Start) && (query.End is null || openTime <= query.End);
            if (inRange)
            {
                var isComplete = openTime + query.Interval.Duration <= now;
                if (candles.Count > 0 && candles[^1].Timestamp == openTime)
                {
                    candles[^1] = CandleResponse.Merge(candles[^1], forming, isComplete);
                }
                else if (candles.Count == 0 || candles[^1].Timestamp < openTime)
                {
                    candles.Add(new CandleResponse(openTime, forming.Open, forming.High, forming.Low, forming.Close, forming.Volume, isComplete));
                    if (candles.Count > query.Limit)
                    {
                        candles.RemoveAt(0);
                    }
                }
            }
        }

        return candles;
    }
}
