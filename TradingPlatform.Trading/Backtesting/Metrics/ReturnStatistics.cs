namespace TradingPlatform.Trading.Backtesting;

/// <summary>The moments of a per-period return series that the volatility, Sharpe and Sortino figures need.</summary>
internal static class ReturnStatistics
{
    public static double Mean(IReadOnlyList<double> returns) => returns.Count == 0 ? 0 : returns.Sum() / returns.Count;

    /// <summary>
    /// The sample standard deviation (n − 1); 0 with fewer than two returns, and exactly 0 when every return is the
    /// same (a floating-point mean of equal values need not equal them, and a 1e-17 deviation would make a Sharpe
    /// ratio of 1e16 out of a flat curve).
    /// </summary>
    public static double SampleStandardDeviation(IReadOnlyList<double> returns)
    {
        if (returns.Count < 2 || returns.All(r => r.Equals(returns[0])))
        {
            return 0;
        }

        var mean = Mean(returns);
        var squares = returns.Sum(r => (r - mean) * (r - mean));
        return Math.Sqrt(squares / (returns.Count - 1));
    }

    /// <summary>√(Σ min(r_i − target, 0)² / n) over all n returns; 0 without returns or when none is below the target.</summary>
    public static double DownsideDeviation(IReadOnlyList<double> returns, double target)
    {
        if (returns.Count == 0)
        {
            return 0;
        }

        var squares = returns.Sum(r => Math.Min(r - target, 0) * Math.Min(r - target, 0));
        return Math.Sqrt(squares / returns.Count);
    }
}
