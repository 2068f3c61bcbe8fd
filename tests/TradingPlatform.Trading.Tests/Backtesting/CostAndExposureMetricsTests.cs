using TradingPlatform.Trading.Backtesting;
using static TradingPlatform.Trading.Tests.Backtesting.MetricsFixtures;

namespace TradingPlatform.Trading.Tests.Backtesting;

/// <summary>Exposure, turnover, costs, the benchmark and the money figures, on the equity 100, 110, 99, 121 of one year.</summary>
public sealed class CostAndExposureMetricsTests
{
    private static MetricsInput Year => Input(YearOfThreePeriods);

    [Fact]
    public void Exposure_is_bars_in_the_market_over_all_bars()
    {
        var metrics = BacktestMetricsCalculator.Calculate(Year with { BarsInMarket = 2, TotalBars = 3 });

        Assert.Equal(2.0 / 3, metrics.Exposure, Exact);
    }

    [Fact]
    public void Turnover_is_traded_notional_over_the_mean_equity()
    {
        // Mean of the points (100 + 110 + 99 + 121) / 4 = 107.5; 215 / 107.5 = 2.
        var metrics = BacktestMetricsCalculator.Calculate(Year with { TradedNotional = 215m });

        Assert.Equal(2.0, metrics.Turnover, Exact);
    }

    [Fact]
    public void Buy_and_hold_is_the_benchmark_end_over_start_minus_one()
    {
        var metrics = BacktestMetricsCalculator.Calculate(Year with { BenchmarkStartPrice = 50m, BenchmarkEndPrice = 60m });

        Assert.Equal(0.2, metrics.BuyAndHoldReturn, Exact);
    }

    [Fact]
    public void Buy_and_hold_without_a_benchmark_price_is_zero() =>
        Assert.Equal(0.0, BacktestMetricsCalculator.Calculate(Year with { BenchmarkStartPrice = 0m, BenchmarkEndPrice = 60m }).BuyAndHoldReturn);

    [Fact]
    public void Fees_and_slippage_are_passed_through_rounded_to_the_cent()
    {
        // Half to even: 4.005 → 4.00, 1.235 → 1.24.
        var metrics = BacktestMetricsCalculator.Calculate(Year with { FeesPaid = 4.005m, SlippagePaid = 1.235m });

        Assert.Equal(4.00m, metrics.FeesPaid);
        Assert.Equal(1.24m, metrics.SlippagePaid);
    }

    [Fact]
    public void Final_equity_and_net_profit_come_from_the_last_point_and_the_initial_balance()
    {
        var metrics = BacktestMetricsCalculator.Calculate(Year);

        Assert.Equal(121m, metrics.FinalEquity);
        Assert.Equal(21m, metrics.NetProfit); // 121 − 100
    }

    [Fact]
    public void Final_equity_and_net_profit_are_rounded_to_the_cent()
    {
        var equity = YearOfThreePeriods.Take(3).Append(Point("2024-12-31T06:00:00Z", 121.006m)).ToList();

        var metrics = Calculate(equity);

        Assert.Equal(121.01m, metrics.FinalEquity);
        Assert.Equal(21.01m, metrics.NetProfit);
        Assert.Equal(0.21006, metrics.TotalReturn, Exact); // ratios are not rounded
    }

    [Fact]
    public void Total_return_and_net_profit_are_measured_from_the_initial_balance()
    {
        // The curve's first point says 100 but the balance was 80: 121 / 80 − 1 = 0.5125, net 41.
        var metrics = BacktestMetricsCalculator.Calculate(Year with { InitialBalance = 80m });

        Assert.Equal(0.5125, metrics.TotalReturn, Exact);
        Assert.Equal(41m, metrics.NetProfit);
    }
}
