using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Common;

namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>
/// <see cref="BacktestMetrics"/> from a fast-path run's <see cref="CrossoverAccumulators"/>, with the definitions and
/// the arithmetic of <see cref="BacktestMetricsCalculator"/>: every money figure and trade statistic from exact cents
/// in decimal, as the engine computes it, so they are equal to the engine's; the return moments from the same exact
/// per-period returns, where only the floating-point summation differs (the engine's standard deviation is two-pass,
/// this one Σr² − (Σr)²/n from one pass), a difference of about 1e-13 relative on trading returns.
/// </summary>
internal static class BacktestMetricsOnline
{
    public static BacktestMetrics ToMetrics(in CrossoverAccumulators acc, MetricsContext context)
    {
        var initial = context.InitialBalance;
        var final = acc.FinalCents / 100m;
        var annualised = context.PeriodsPerYear > 0;
        var cagr = !annualised ? 0 : final <= 0m ? -1 : Capped(Math.Pow((double)(final / initial), 1 / context.Years) - 1);
        var mean = acc.ReturnCount == 0 ? 0 : acc.ReturnSum / acc.ReturnCount;
        var squares = Math.Max(acc.ReturnSquares - (acc.ReturnSum * mean), 0);
        var deviation = acc.ReturnCount < 2 || acc.ReturnsAllEqual != 0 ? 0 : Math.Sqrt(squares / (acc.ReturnCount - 1));
        var downside = acc.ReturnCount == 0 ? 0 : Math.Sqrt(acc.DownsideSquares / acc.ReturnCount);
        var excess = mean - context.ReturnTarget;
        var root = Math.Sqrt(context.PeriodsPerYear);
        var averageEquity = acc.EquitySumCents / 100m / context.Points;
        var notional = acc.NotionalTickLots * context.TickLot;
        var grossWin = acc.GrossWinCents / 100m;
        var grossLoss = acc.GrossLossCents / 100m;
        var maxDrawdown = acc.DeepestDrawdown;
        return new BacktestMetrics
        {
            TotalReturn = (double)((final - initial) / initial),
            Cagr = cagr,
            AnnualVolatility = annualised ? deviation * root : 0,
            Sharpe = annualised && deviation != 0 ? excess / deviation * root : 0,
            Sortino = annualised && downside != 0 ? excess / downside * root : 0,
            MaxDrawdown = maxDrawdown,
            MaxDrawdownDuration = TimeSpan.FromTicks(acc.LongestDrawdownTicks),
            Calmar = maxDrawdown > 0 ? Capped(cagr / maxDrawdown) : 0,
            WinRate = acc.Trades == 0 ? 0 : (double)acc.Wins / acc.Trades,
            TotalTrades = acc.Trades,
            WinningTrades = acc.Wins,
            LosingTrades = acc.Losses,
            ProfitFactor = acc.Losses == 0 ? null : (double)(grossWin / -grossLoss),
            Expectancy = acc.Trades == 0 ? 0m : Money.Round((grossWin + grossLoss) / acc.Trades),
            AverageWin = acc.Wins == 0 ? 0m : Money.Round(grossWin / acc.Wins),
            AverageLoss = acc.Losses == 0 ? 0m : Money.Round(grossLoss / acc.Losses),
            LargestWin = acc.Wins == 0 ? 0m : Money.Round(acc.LargestWinCents / 100m),
            LargestLoss = acc.Losses == 0 ? 0m : Money.Round(acc.LargestLossCents / 100m),
            Exposure = context.TotalBars > 0 ? (double)acc.BarsInMarket / context.TotalBars : 0,
            Turnover = averageEquity > 0m ? (double)(notional / averageEquity) : 0,
            FeesPaid = Money.Round(acc.FeesCents / 100m),
            SlippagePaid = Money.Round(acc.SlippageTickLots * context.TickLot),
            BuyAndHoldReturn = context.BenchmarkStart > 0m ? (double)((context.BenchmarkEnd - context.BenchmarkStart) / context.BenchmarkStart) : 0,
            FinalEquity = Money.Round(final),
            NetProfit = Money.Round(final - initial),
            PeriodsPerYear = context.PeriodsPerYear,
        };
    }

    private static double Capped(double value) => Math.Clamp(value, double.MinValue, double.MaxValue);
}
