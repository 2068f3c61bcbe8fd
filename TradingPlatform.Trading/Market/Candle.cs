namespace TradingPlatform.Trading.Market;

/// <summary>
/// One OHLCV bar (table <c>trading.candles</c>, key symbol + interval + open time). Prices are in the instrument's
/// quote asset; volume is the quantity traded during the bar.
/// </summary>
public sealed record Candle(
    string Symbol,
    CandleInterval Interval,
    DateTimeOffset OpenTime,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume)
{
    public DateTimeOffset CloseTime => OpenTime + Interval.Duration;

    /// <summary>A candle is complete once its period has ended; before that it is still forming.</summary>
    public bool IsCompleteAt(DateTimeOffset now) => CloseTime <= now;

    /// <summary>This bar extended by a later one of the same or a shorter interval.</summary>
    public Candle Merge(Candle later)
    {
        ArgumentNullException.ThrowIfNull(later);
        return this with
        {
            High = Math.Max(High, later.High),
            Low = Math.Min(Low, later.Low),
            Close = later.Close,
            Volume = Volume + later.Volume,
        };
    }
}
