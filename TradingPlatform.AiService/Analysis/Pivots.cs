namespace TradingPlatform.AiService.Analysis;

/// <summary>
/// Swing highs and lows and the levels they cluster into. Pure functions over a candle series (oldest first).
/// <list type="bullet">
/// <item>Bar <c>i</c> is a swing high when its high is strictly above the high of every other bar within
/// <c>width</c> bars on both sides (a swing low: its low strictly below); the first and last <c>width</c> bars cannot be
/// pivots, since their neighbourhood is not complete.</item>
/// <item>Levels: the pivot prices (highs and lows together), sorted, are grouped while the next price is within
/// <c>tolerance</c> (relative) of the running mean of its group; a level is the group's mean and its touch count.</item>
/// </list>
/// </summary>
public static class Pivots
{
    public static IReadOnlyList<Pivot> Find(IReadOnlyList<PriceBar> bars, int width)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var pivots = new List<Pivot>();
        for (var i = width; i < bars.Count - width; i++)
        {
            bool high = true, low = true;
            for (var j = i - width; j <= i + width && (high || low); j++)
            {
                if (j == i)
                {
                    continue;
                }

                high &= bars[i].High > bars[j].High;
                low &= bars[i].Low < bars[j].Low;
            }

            if (high)
            {
                pivots.Add(new Pivot(i, bars[i].High, PivotKind.High));
            }

            if (low)
            {
                pivots.Add(new Pivot(i, bars[i].Low, PivotKind.Low));
            }
        }

        return pivots;
    }

    public static IReadOnlyList<PriceLevel> Cluster(IReadOnlyList<Pivot> pivots, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(pivots);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        var levels = new List<PriceLevel>();
        var group = new List<Pivot>();
        foreach (var pivot in pivots.OrderBy(p => p.Price).ThenBy(p => p.Index))
        {
            if (group.Count > 0)
            {
                var mean = group.Average(p => p.Price);
                if (Math.Abs(pivot.Price - mean) > tolerance * mean)
                {
                    levels.Add(Level(group));
                    group.Clear();
                }
            }

            group.Add(pivot);
        }

        if (group.Count > 0)
        {
            levels.Add(Level(group));
        }

        return levels;
    }

    private static PriceLevel Level(List<Pivot> group) =>
        new(group.Average(p => p.Price), group.Count, group.Min(p => p.Index), group.Max(p => p.Index));
}
