namespace TradingPlatform.Trading.Market;

/// <summary>
/// Builds candles of one interval from one symbol's ticks (last price and tick volume): the feed's 1-minute candles,
/// and the bars a live strategy decides on. A candle completes when a tick of a later period arrives or, when ticks stop
/// (the market closed), when <see cref="Flush"/> is told the period is over. A period without ticks produces no
/// candle: gaps stay gaps.
/// </summary>
public sealed class CandleBuilder(string symbol, CandleInterval interval)
{
    public string Symbol { get; } = symbol;

    public CandleInterval Interval { get; } = interval;

    /// <summary>The still-forming candle, if a tick arrived in this period.</summary>
    public Candle? Current { get; private set; }

    /// <summary>Adds a tick; returns the previous period's candle if this tick completed it.</summary>
    public Candle? Add(Quote tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        var period = Interval.Floor(tick.Timestamp);
        if (Current is { } current && period < current.OpenTime)
        {
            return null; // A late tick for a finished period is ignored: completed candles never change.
        }

        if (Current is { } forming && forming.OpenTime == period)
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
        Current = new Candle(Symbol, Interval, period, tick.Last, tick.Last, tick.Last, tick.Last, tick.Volume);
        return completed;
    }

    /// <summary>Returns (and forgets) the forming candle once <paramref name="now"/> is past its period.</summary>
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
