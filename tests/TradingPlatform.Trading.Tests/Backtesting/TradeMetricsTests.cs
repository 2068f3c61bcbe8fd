using TradingPlatform.Trading.Backtesting;
using static TradingPlatform.Trading.Tests.Backtesting.MetricsFixtures;

namespace TradingPlatform.Trading.Tests.Backtesting;

/// <summary>
/// The per-trade figures on five round trips with net P&amp;L (gross − fees) +30 (31 − 1), −12 (−10 − 2), +15 (16 − 1),
/// 0 (0.5 − 0.5, break-even) and −8 (−7.5 − 0.5): 2 wins (45 in all), 2 losses (−20), 1 neither; Σ net = 25.
/// </summary>
public sealed class TradeMetricsTests
{
    private static readonly BacktestMetrics Mixed = Calculate(
        YearOfThreePeriods,
        [Trade(31m, 1m), Trade(-10m, 2m), Trade(16m, 1m), Trade(0.5m, 0.5m), Trade(-7.5m, 0.5m)]);

    [Fact]
    public void Every_trade_counts_and_a_break_even_one_is_neither_win_nor_loss()
    {
        Assert.Equal(5, Mixed.TotalTrades);
        Assert.Equal(2, Mixed.WinningTrades);
        Assert.Equal(2, Mixed.LosingTrades);
    }

    [Fact]
    public void Win_rate_is_wins_over_all_trades() => Assert.Equal(0.4, Mixed.WinRate, Exact); // 2 / 5

    [Fact]
    public void Profit_factor_is_gross_wins_over_gross_losses()
    {
        Assert.NotNull(Mixed.ProfitFactor);
        Assert.Equal(2.25, Mixed.ProfitFactor.Value, Exact); // 45 / |−20|
    }

    [Fact]
    public void Expectancy_is_the_mean_net_pnl_per_trade_break_even_included() => Assert.Equal(5.00m, Mixed.Expectancy); // 25 / 5

    [Fact]
    public void Average_win_and_loss_are_the_means_of_the_winners_and_of_the_losers()
    {
        Assert.Equal(22.50m, Mixed.AverageWin); // (30 + 15) / 2
        Assert.Equal(-10.00m, Mixed.AverageLoss); // (−12 − 8) / 2, negative
    }

    [Fact]
    public void Largest_win_and_loss_are_the_extremes_on_net_pnl()
    {
        Assert.Equal(30m, Mixed.LargestWin);
        Assert.Equal(-12m, Mixed.LargestLoss);
    }

    [Fact]
    public void Money_figures_are_rounded_to_the_cent()
    {
        // Net 1, 1, 0: expectancy 2/3 = 0.666… → 0.67. Net 10.125 and −3.335 round half to even: 10.12 and −3.34.
        var thirds = Calculate(YearOfThreePeriods, [Trade(1m, 0m), Trade(1m, 0m), Trade(0m, 0m)]);
        var halves = Calculate(YearOfThreePeriods, [Trade(10.125m, 0m), Trade(-3.335m, 0m)]);

        Assert.Equal(0.67m, thirds.Expectancy);
        Assert.Equal(1.00m, thirds.AverageWin);
        Assert.Equal(10.12m, halves.LargestWin);
        Assert.Equal(10.12m, halves.AverageWin);
        Assert.Equal(-3.34m, halves.LargestLoss);
        Assert.Equal(3.40m, halves.Expectancy); // 6.79 / 2 = 3.395 → 3.40
    }

    [Fact]
    public void Every_trade_winning_has_no_profit_factor_and_zero_loss_figures()
    {
        var metrics = Calculate(YearOfThreePeriods, [Trade(10m, 1m), Trade(5m, 1m)]);

        Assert.Null(metrics.ProfitFactor);
        Assert.Equal(1.0, metrics.WinRate, Exact);
        Assert.Equal(0, metrics.LosingTrades);
        Assert.Equal(0m, metrics.AverageLoss);
        Assert.Equal(0m, metrics.LargestLoss);
        Assert.Equal(6.50m, metrics.Expectancy); // (9 + 4) / 2
    }

    [Fact]
    public void Every_trade_losing_has_a_profit_factor_of_zero_and_zero_win_figures()
    {
        var metrics = Calculate(YearOfThreePeriods, [Trade(-10m, 1m), Trade(2m, 3m)]);

        Assert.Equal(0.0, metrics.ProfitFactor);
        Assert.Equal(0.0, metrics.WinRate);
        Assert.Equal(0m, metrics.AverageWin);
        Assert.Equal(0m, metrics.LargestWin);
        Assert.Equal(-6.00m, metrics.AverageLoss); // (−11 − 1) / 2
        Assert.Equal(-11m, metrics.LargestLoss);
    }

    [Fact]
    public void No_trades_gives_zero_figures_and_no_profit_factor()
    {
        var metrics = Calculate(YearOfThreePeriods);

        Assert.Equal(0, metrics.TotalTrades);
        Assert.Equal(0.0, metrics.WinRate);
        Assert.Null(metrics.ProfitFactor);
        Assert.Equal(0m, metrics.Expectancy);
        Assert.Equal(0m, metrics.AverageWin);
        Assert.Equal(0m, metrics.AverageLoss);
    }
}
