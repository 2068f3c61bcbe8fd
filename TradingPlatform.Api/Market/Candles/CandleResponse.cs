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
}
