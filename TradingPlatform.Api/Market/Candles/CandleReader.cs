using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Market.Feed;
using TradingPlatform.Api.Market.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Infrastructure.Market;

namespace TradingPlatform.Api.Market.Candles;

/// <summary>
/// Candle reads for the endpoints: stored bars of the interval plus, when the range reaches the present, the feed's
/// forming 1-minute candle merged into the bar that contains it. Stored gaps are returned as gaps.
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
        var stored = await store.ReadAsync(symbol, query.Interval, query.Start, query.End, query.Limit, cancellationToken);
        var candles = stored.ToList();

        // The forming minute belongs at the end unless the range stops before it or a start-anchored page is already full.
        var truncated = query.Start is not null && candles.Count >= query.Limit;
        if (!truncated && await redisQuotes.GetFormingAsync(symbol) is { } forming && !forming.IsCompleteAt(now))
        {
            var bucket = forming with { Interval = query.Interval, OpenTime = query.Interval.Floor(forming.OpenTime) };
            var inRange = (query.Start is null || bucket.OpenTime >= query.Start) && (query.End is null || bucket.OpenTime <= query.End);
            if (inRange)
            {
                if (candles.Count > 0 && candles[^1].OpenTime == bucket.OpenTime)
                {
                    candles[^1] = candles[^1].Merge(forming);
                }
                else if (candles.Count == 0 || candles[^1].OpenTime < bucket.OpenTime)
                {
                    candles.Add(bucket);
                    if (candles.Count > query.Limit)
                    {
                        candles.RemoveAt(0);
                    }
                }
            }
        }

        return [.. candles.Select(c => CandleResponse.From(c, now))];
    }
}
