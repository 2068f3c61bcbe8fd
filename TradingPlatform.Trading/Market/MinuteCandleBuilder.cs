namespace TradingPlatform.Trading.Market;

/// <summary>
/// Builds 1-minute candles from one symbol's ticks (last price and tick volume). A candle completes when a tick of a
/// later minute arrives or, when ticks stop (the market closed), when <see cref="Flush"/> is told the minute is over.
/// A minute without ticks produces no candle: gaps stay gaps.
/// </summary>
public sealed class MinuteCandleBuilder(string symbol)
{
    public string Symbol { get; } = symbol;

    /// <summary>The still-forming candle, if a tick arrived this minute.</summary>
    public Candle? Current { get; private set; }

    /// <summary>Adds a tick; returns the previous minute's candle if this tick completed it.</summary>
    public Candle? Add(Quote tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        var minute = CandleInterval.OneMinute.Floor(tick.Timestamp);
        if (Current is { } current && minute < current.OpenTime)
        {
            return null; // A late tick for a finished minute is ignored: completed candles never change.
        }

        if (Current is { } forming && forming.OpenTime == minute)
        {
            Current = forming with
            {
                High = Math.Max(forming.High, tick.Last),
                Low = Math.Min(forming.Low, tick.Last),
                Close = tick.Last,
                Volume = forming.Volume + tick.Volume,
            };
            return null;
        }

        var completed = Current;
        Current = new Candle(Symbol, CandleInterval.OneMinute, minute, tick.Last, tick.Last, tick.Last, tick.Last, tick.Volume);
        return completed;
    }

    /// <summary>Returns (and forgets) the forming candle once <paramref name="now"/> is past its minute.</summary>
    public Candle? Flush(DateTimeOffset now)
    {
        if (Current is { } current && current.IsCompleteAt(now))
        {
            Current = null;
            return current;
        }

        return null;
    }
}
