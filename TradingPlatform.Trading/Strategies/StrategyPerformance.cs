namespace TradingPlatform.Trading.Strategies;

/// <summary>
/// Seed 001's <c>performance</c> of a strategy, computed from its closed trades:
/// <list type="bullet">
/// <item><see cref="TotalTrades"/>: the number of closed trades.</item>
/// <item><see cref="WinRate"/>: the share of closed trades with a positive P&amp;L, in percent (0–100, 2 decimals); a
/// trade that breaks even is not a win.</item>
/// <item><see cref="TotalPnL"/>: the sum of realised P&amp;L.</item>
/// <item><see cref="SharpeRatio"/>: mean over standard deviation (sample, n − 1) of the daily P&amp;L, annualised by
/// √252, 4 decimals. Days are UTC calendar days on which at least one trade closed. With a constant capital base the
/// ratio of daily P&amp;L equals the ratio of daily returns (the capital cancels out), so no account size is needed.
/// It is 0 with fewer than two days or when every day had the same P&amp;L.</item>
/// </list>
/// </summary>
public sealed record StrategyPerformance(int TotalTrades, decimal WinRate, decimal TotalPnL, decimal SharpeRatio)
{
    public const int TradingDaysPerYear = 252;

    public static StrategyPerformance Empty { get; } = new(0, 0m, 0m, 0m);

    public static StrategyPerformance Calculate(IEnumerable<ClosedTrade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var list = trades as IReadOnlyCollection<ClosedTrade> ?? trades.ToList();
        if (list.Count == 0)
        {
            return Empty;
        }

        var wins = list.Count(t => t.RealizedPnL > 0m);
        var winRate = Math.Round(100m * wins / list.Count, 2, MidpointRounding.AwayFromZero);
        var total = list.Sum(t => t.RealizedPnL);
        var daily = list
            .GroupBy(t => DateOnly.FromDateTime(t.ClosedAt.UtcDateTime))
            .Select(day => day.Sum(t => t.RealizedPnL))
            .ToList();
        return new StrategyPerformance(list.Count, winRate, total, Sharpe(daily));
    }

    private static decimal Sharpe(List<decimal> daily)
    {
        if (daily.Count < 2)
        {
            return 0m;
        }

        // decimal keeps the sums exact; the square root needs double, and the ratio is not money.
        var mean = daily.Sum() / daily.Count;
        var variance = daily.Sum(d => (d - mean) * (d - mean)) / (daily.Count - 1);
        if (variance == 0m)
        {
            return 0m;
        }

        var ratio = (double)mean / Math.Sqrt((double)variance) * Math.Sqrt(TradingDaysPerYear);
        return Math.Round((decimal)ratio, 4, MidpointRounding.AwayFromZero);
    }
}
