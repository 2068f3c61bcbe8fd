namespace TradingPlatform.Trading.Backtesting;

/// <summary>Drawdowns of a validated equity curve (first point positive, so every running peak is positive).</summary>
internal static class Drawdowns
{
    public static DrawdownPoint[] Series(IReadOnlyList<EquityPoint> equity)
    {
        var series = new DrawdownPoint[equity.Count];
        var peak = equity[0].Equity;
        for (var i = 0; i < equity.Count; i++)
        {
            peak = Math.Max(peak, equity[i].Equity);
            series[i] = new DrawdownPoint(equity[i].At, (double)((equity[i].Equity - peak) / peak));
        }

        return series;
    }

    /// <summary>
    /// The deepest drawdown as a positive fraction, and the longest episode under water: from the last point at the
    /// peak before the fall to the first point at or above that peak again, or to the last point if none is.
    /// </summary>
    public static (double Deepest, TimeSpan LongestDuration) Summarise(IReadOnlyList<EquityPoint> equity)
    {
        var peak = equity[0].Equity;
        var peakAt = equity[0].At;
        var trough = peak;
        var deepest = 0.0;
        var longest = TimeSpan.Zero;
        var underWater = false;
        foreach (var point in equity)
        {
            if (point.Equity >= peak)
            {
                if (underWater)
                {
                    longest = Max(longest, point.At - peakAt);
                    underWater = false;
                }

                peak = point.Equity;
                peakAt = point.At;
                trough = peak;
                continue;
            }

            underWater = true;
            // Under one peak the drawdown only deepens at a new low (it is monotone in the equity, and so is every
            // rounding on the way), so only a new low needs the decimal division.
            if (point.Equity < trough)
            {
                trough = point.Equity;
                deepest = Math.Max(deepest, (double)((peak - trough) / peak));
            }
        }

        if (underWater)
        {
            longest = Max(longest, equity[^1].At - peakAt);
        }

        return (deepest, longest);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a >= b ? a : b;
}
