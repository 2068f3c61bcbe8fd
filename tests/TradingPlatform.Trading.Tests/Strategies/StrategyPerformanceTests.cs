using System.Globalization;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Trading.Tests.Strategies;

public sealed class StrategyPerformanceTests
{
    private static ClosedTrade Trade(string closedAt, decimal pnl) =>
        new("BTC-USD", DateTimeOffset.Parse(closedAt, CultureInfo.InvariantCulture), pnl);

    [Fact]
    public void No_trades_is_all_zero()
    {
        var performance = StrategyPerformance.Calculate([]);

        Assert.Equal(new StrategyPerformance(0, 0m, 0m, 0m), performance);
    }

    [Fact]
    public void One_winning_trade_has_no_sharpe_ratio_yet()
    {
        var performance = StrategyPerformance.Calculate([Trade("2026-01-05T10:00:00Z", 100m)]);

        Assert.Equal(new StrategyPerformance(1, 100m, 100m, 0m), performance);
    }

    [Fact]
    public void Three_days_of_trades_give_the_hand_computed_figures()
    {
        // Daily P&L: 100, -50, 100 (60 + 40). Mean 50; sample variance (50² + 100² + 50²) / 2 = 7500;
        // sd = 86.60254; 50 / 86.60254 = 0.577350; × √252 (15.874508) = 9.165151 → 9.1652.
        var performance = StrategyPerformance.Calculate(
        [
            Trade("2026-01-05T10:00:00Z", 100m),
            Trade("2026-01-06T10:00:00Z", -50m),
            Trade("2026-01-07T09:00:00Z", 60m),
            Trade("2026-01-07T15:00:00Z", 40m),
        ]);

        Assert.Equal(4, performance.TotalTrades);
        Assert.Equal(75m, performance.WinRate); // 3 of 4
        Assert.Equal(150m, performance.TotalPnL);
        Assert.Equal(9.1652m, performance.SharpeRatio);
    }

    [Fact]
    public void Two_days_are_enough_for_a_sharpe_ratio()
    {
        // Mean 200; variance (100² + 100²) / 1 = 20000; sd 141.42136; 1.4142136 × 15.874508 = 22.449944 → 22.4499.
        var performance = StrategyPerformance.Calculate([Trade("2026-01-05T10:00:00Z", 100m), Trade("2026-01-06T10:00:00Z", 300m)]);

        Assert.Equal(22.4499m, performance.SharpeRatio);
        Assert.Equal(400m, performance.TotalPnL);
    }

    [Fact]
    public void Losing_days_give_a_negative_sharpe_ratio()
    {
        var performance = StrategyPerformance.Calculate(
        [
            Trade("2026-01-05T10:00:00Z", -100m),
            Trade("2026-01-06T10:00:00Z", 50m),
            Trade("2026-01-07T10:00:00Z", -100m),
        ]);

        Assert.Equal(-9.1652m, performance.SharpeRatio);
        Assert.Equal(33.33m, performance.WinRate);
        Assert.Equal(-150m, performance.TotalPnL);
    }

    [Fact]
    public void A_break_even_trade_is_not_a_win()
    {
        var performance = StrategyPerformance.Calculate(
        [
            Trade("2026-01-05T10:00:00Z", 10m),
            Trade("2026-01-05T11:00:00Z", 0m),
            Trade("2026-01-05T12:00:00Z", -5m),
        ]);

        Assert.Equal(33.33m, performance.WinRate); // 1 of 3, rounded to 2 decimals
        Assert.Equal(5m, performance.TotalPnL);
    }

    [Fact]
    public void Days_are_utc_calendar_days()
    {
        // 23:30 in New York on the 5th is 04:30 UTC on the 6th: the same UTC day as the second trade, so one day only.
        var performance = StrategyPerformance.Calculate(
        [
            Trade("2026-01-05T23:30:00-05:00", 100m),
            Trade("2026-01-06T10:00:00Z", -40m),
        ]);

        Assert.Equal(0m, performance.SharpeRatio);
        Assert.Equal(60m, performance.TotalPnL);
    }

    [Fact]
    public void Identical_daily_results_have_no_volatility_and_a_zero_ratio()
    {
        var performance = StrategyPerformance.Calculate([Trade("2026-01-05T10:00:00Z", 25m), Trade("2026-01-06T10:00:00Z", 25m)]);

        Assert.Equal(0m, performance.SharpeRatio);
        Assert.Equal(100m, performance.WinRate);
    }

    [Fact]
    public void Money_is_summed_exactly()
    {
        var performance = StrategyPerformance.Calculate(
            Enumerable.Range(0, 10).Select(i => Trade("2026-01-05T10:00:00Z", 0.1m)).ToList());

        Assert.Equal(1.0m, performance.TotalPnL);
        Assert.Equal(10, performance.TotalTrades);
    }
}
