namespace TradingPlatform.Trading.Market;

/// <summary>
/// Rolls shorter candles up into a longer interval aligned to UTC boundaries. Only buckets that contain at least one
/// source candle are produced, and nothing is interpolated: a missing minute stays missing.
/// </summary>
public static class CandleAggregator
{
    /// <param name="candles">One symbol's candles of an interval that divides <paramref name="target"/>, in time order.</param>
    public static IReadOnlyList<Candle> Aggregate(IEnumerable<Candle> candles, CandleInterval target)
    {
        ArgumentNullException.ThrowIfNull(candles);
        var result = new List<Candle>();
        Candle? bucket = null;
        foreach (var candle in candles)
        {
            if (candle.Interval.Duration > target.Duration || target.Duration.Ticks % candle.Interval.Duration.Ticks != 0)
            {
                throw new ArgumentException($"{candle.Interval} candles cannot be rolled up into {target}.", nameof(candles));
            }

            var openTime = target.Floor(candle.OpenTime);
            if (bucket is not null && bucket.OpenTime == openTime)
            {
                bucket = bucket.Merge(candle);
                continue;
            }

            if (bucket is not null)
            {
                if (openTime < bucket.OpenTime)
                {
                    throw new ArgumentException("Candles must be in time order.", nameof(candles));
                }

                result.Add(bucket);
            }

            bucket = candle with { Interval = target, OpenTime = openTime };
        }

        if (bucket is not null)
        {
            result.Add(bucket);
        }

        return result;
    }
}
