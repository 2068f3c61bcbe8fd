using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Realtime.Fanout;

/// <summary>
/// The forming candle of each symbol and interval, built on every replica from the price ticks it receives (a candle
/// opens with the first tick of its UTC-aligned period). Used only by the fan-out's single reader, so no locking.
/// </summary>
internal sealed class CandleTracker
{
    private readonly Dictionary<(string Symbol, string Interval), CandleData> _forming = [];

    public IReadOnlyList<CandleData> Update(PriceUpdateData price)
    {
        var updated = new List<CandleData>(CandleInterval.All.Count);
        foreach (var interval in CandleInterval.All)
        {
            var ticks = interval.Duration.Ticks;
            var openTime = new DateTimeOffset(price.Timestamp.UtcTicks / ticks * ticks, TimeSpan.Zero);
            var key = (price.Symbol, interval.Code);
            var candle = _forming.TryGetValue(key, out var current) && current.OpenTime == openTime
                ? current with
                {
                    High = Math.Max(current.High, price.Last),
                    Low = Math.Min(current.Low, price.Last),
                    Close = price.Last,
                    Volume = current.Volume + price.Volume,
                }
                : new CandleData(price.Symbol, interval.Code, openTime, price.Last, price.Last, price.Last, price.Last, price.Volume);
            _forming[key] = candle;
            updated.Add(candle);
        }

        return updated;
    }
}
