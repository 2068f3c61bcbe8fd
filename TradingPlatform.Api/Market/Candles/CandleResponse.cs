using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Market.Candles;

/// <summary>
/// One bar of seed 001's <c>data</c> list; <c>timestamp</c> is the open time. <c>isComplete</c> is false for the
/// bar still forming (its period has not ended): its high, low, close and volume will still change.
/// </summary>
public sealed record CandleResponse(DateTimeOffset Timestamp, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, bool IsComplete)
{
    public static CandleResponse From(Candle candle, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candle);
        return new(candle.OpenTime, candle.Open, candle.High, candle.Low, candle.Close, candle.Volume, candle.IsCompleteAt(now));
    }

    /// <summary>A stored bar extended by the later, still forming candle it contains (as <see cref="Candle.Merge"/>).</summary>
    public static CandleResponse Merge(CandleResponse bar, Candle later, bool isComplete)
    {
        ArgumentNullException.ThrowIfNull(bar);
        ArgumentNullException.ThrowIfNull(later);
        return bar with
        {
            High = Math.Max(bar.High, later.High),
            Low = Math.Min(bar.Low, later.Low),
            Close = later.Close,
            Volume = bar.Volume + later.Volume,
            IsComplete = isComplete,
        };
    }
}
