namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// Thins an equity curve of up to millions of points to what a response or a chart can carry: the points are cut into
/// <c>buckets</c> equal runs, and each run keeps its highest and its lowest equity in time order (the first and the
/// last point are always kept). Unlike taking every n-th point, peaks and troughs survive, so the drawdown a chart shows
/// is the real one.
/// </summary>
public static class EquityCurveSampler
{
    public const int DefaultBuckets = 1000;

    public static IReadOnlyList<EquityCurvePoint> Downsample(IReadOnlyList<EquityPoint> equity, int buckets = DefaultBuckets)
    {
        ArgumentNullException.ThrowIfNull(equity);
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        if (equity.Count == 0)
        {
            return [];
        }

        var drawdowns = BacktestMetricsCalculator.DrawdownSeries(equity);
        EquityCurvePoint At(int i) => new(equity[i].At, equity[i].Equity, drawdowns[i].Drawdown);
        if (equity.Count <= 2 * buckets)
        {
            return [.. Enumerable.Range(0, equity.Count).Select(At)];
        }

        var kept = new List<EquityCurvePoint>(2 * buckets + 2) { At(0) };
        var size = (double)equity.Count / buckets;
        for (var b = 0; b < buckets; b++)
        {
            var from = Math.Max(1, (int)(b * size));
            var to = Math.Min(equity.Count - 1, (int)((b + 1) * size));
            if (from >= to)
            {
                continue;
            }

            var (low, high) = (from, from);
            for (var i = from + 1; i < to; i++)
            {
                low = equity[i].Equity < equity[low].Equity ? i : low;
                high = equity[i].Equity > equity[high].Equity ? i : high;
            }

            kept.Add(At(Math.Min(low, high)));
            if (low != high)
            {
                kept.Add(At(Math.Max(low, high)));
            }
        }

        kept.Add(At(equity.Count - 1));
        return kept;
    }
}
