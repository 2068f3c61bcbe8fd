namespace TradingPlatform.Trading.Backtesting;

/// <summary>The moments of a per-period return series that the volatility, Sharpe and Sortino figures need.</summary>
/// <remarks>
/// Plain loops over the list, summing in order from 0 exactly as Enumerable.Sum does for doubles (it does not vectorise
/// floating-point sums), so the figures are the same to the last bit, without an enumerator and a delegate per return.
/// </remarks>
internal static class ReturnStatistics
{
    public static double Mean(IReadOnlyList<double> returns)
    {
        if (returns.Count == 0)
        {
            return 0;
        }

        var sum = 0.0;
        for (var i = 0; i < returns.Count; i++)
        {
            sum += returns[i];
        }

        return sum / returns.Count;
    }

    /// <summary>
    /// The sample standard deviation (n − 1); 0 with fewer than two returns, and exactly 0 when every return is the
    /// same (a floating-point mean of equal values need not equal them, and a 1e-17 deviation would make a Sharpe
    /// ratio of 1e16 out of a flat curve).
    /// </summary>
    public static double SampleStandardDeviation(IReadOnlyList<double> returns)
    {
        if (returns.Count < 2 || AllEqual(returns))
        {
            return 0;
        }

        var mean = Mean(returns);
        var squares = 0.0;
        for (var i = 0; i < returns.Count; i++)
        {
            squares += (returns[i] - mean) * (returns[i] - mean);
        }

        return Math.Sqrt(squares / (returns.Count - 1));
    }

    /// <summary>√(Σ min(r_i − target, 0)² / n) over all n returns; 0 without returns or when none is below the target.</summary>
    public static double DownsideDeviation(IReadOnlyList<double> returns, double target)
    {
        if (returns.Count == 0)
        {
            return 0;
        }

        var squares = 0.0;
        for (var i = 0; i < returns.Count; i++)
        {
            squares += Math.Min(returns[i] - target, 0) * Math.Min(returns[i] - target, 0);
        }

        return Math.Sqrt(squares / returns.Count);
    }

    private static bool AllEqual(IReadOnlyList<double> returns)
    {
        for (var i = 1; i < returns.Count; i++)
        {
            if (!returns[i].Equals(returns[0]))
            {
                return false;
            }
        }

        return true;
    }
}
