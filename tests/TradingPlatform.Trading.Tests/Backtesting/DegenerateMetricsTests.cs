using TradingPlatform.Trading.Backtesting;
using static TradingPlatform.Trading.Tests.Backtesting.MetricsFixtures;

namespace TradingPlatform.Trading.Tests.Backtesting;

public sealed class DegenerateMetricsTests
{
    [Fact]
    public void An_empty_equity_curve_is_refused_with_a_clear_message()
    {
        var input = Input([Point("2024-01-01T00:00:00Z", 100m)]) with { Equity = [] };

        var error = Assert.Throws<ArgumentException>(() => BacktestMetricsCalculator.Calculate(input));

        Assert.Contains("equity curve is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_curve_out_of_time_order_is_refused()
    {
        var equity = new[] { Point("2024-01-02T00:00:00Z", 100m), Point("2024-01-01T00:00:00Z", 101m) };

        var error = Assert.Throws<ArgumentException>(() => Calculate(equity));

        Assert.Contains("not time-ordered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_curve_that_starts_at_zero_is_refused() =>
        Assert.Throws<ArgumentException>(() => BacktestMetricsCalculator.DrawdownSeries(Daily(0m, 10m)));

    [Fact]
    public void A_non_positive_initial_balance_is_refused() =>
        Assert.Throws<ArgumentException>(() => BacktestMetricsCalculator.Calculate(Input(Daily(100m, 110m)) with { InitialBalance = 0m }));

    [Theory]
    [InlineData(4, 3)]
    [InlineData(-1, 3)]
    [InlineData(0, -1)]
    public void Bar_counts_out_of_range_are_refused(int barsInMarket, int totalBars) =>
        Assert.Throws<ArgumentException>(() =>
            BacktestMetricsCalculator.Calculate(Input(Daily(100m, 110m)) with { BarsInMarket = barsInMarket, TotalBars = totalBars }));

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_risk_free_rate_that_cannot_compound_is_refused(double rate) =>
        Assert.Throws<ArgumentException>(() => BacktestMetricsCalculator.Calculate(Input(Daily(100m, 110m)) with { RiskFreeRate = rate }));

    [Fact]
    public void A_single_point_has_no_periods_and_no_annualised_figures()
    {
        var metrics = Calculate([Point("2024-01-01T00:00:00Z", 100m)]);

        Assert.Equal(0.0, metrics.PeriodsPerYear);
        Assert.Equal(0.0, metrics.TotalReturn);
        Assert.Equal(0.0, metrics.Cagr);
        Assert.Equal(0.0, metrics.AnnualVolatility);
        Assert.Equal(0.0, metrics.Sharpe);
        Assert.Equal(0.0, metrics.Sortino);
        Assert.Equal(0.0, metrics.MaxDrawdown);
        Assert.Equal(TimeSpan.Zero, metrics.MaxDrawdownDuration);
        Assert.Equal(0.0, metrics.Exposure); // 0 bars
        Assert.Equal(100m, metrics.FinalEquity);
        Assert.Equal(0m, metrics.NetProfit);
        Assert.Equal([0.0], BacktestMetricsCalculator.DrawdownSeries([Point("2024-01-01T00:00:00Z", 100m)]).Select(p => p.Drawdown));
    }

    [Fact]
    public void Points_that_span_no_time_have_a_total_return_but_no_annualised_figures()
    {
        var metrics = Calculate([Point("2024-01-01T00:00:00Z", 100m), Point("2024-01-01T00:00:00Z", 90m), Point("2024-01-01T00:00:00Z", 110m)]);

        Assert.Equal(0.1, metrics.TotalReturn, Exact);
        Assert.Equal(0.0, metrics.PeriodsPerYear);
        Assert.Equal(0.0, metrics.Cagr);
        Assert.Equal(0.0, metrics.AnnualVolatility);
        Assert.Equal(0.0, metrics.Sharpe);
        Assert.Equal(0.0, metrics.Sortino);
        Assert.Equal(0.0, metrics.Calmar);
        Assert.Equal(0.1, metrics.MaxDrawdown, Exact); // drawdowns need no time base
    }

    [Fact]
    public void A_flat_curve_has_zero_volatility_and_zero_ratios()
    {
        var metrics = Calculate(Daily(100m, 100m, 100m, 100m));

        Assert.Equal(0.0, metrics.AnnualVolatility);
        Assert.Equal(0.0, metrics.Sharpe);
        Assert.Equal(0.0, metrics.Sortino);
        Assert.Equal(0.0, metrics.Calmar);
        Assert.Equal(0.0, metrics.Cagr);
    }

    [Fact]
    public void Constant_growth_has_zero_volatility_so_sharpe_and_sortino_are_zero_not_huge()
    {
        // 100, 110, 121, 133.1: every return is exactly 0.1, so std = 0 and no return is below 0 (no downside).
        // (A double mean of three 0.1s is 0.10000000000000002: computed naively std would be ~1e-17.)
        var metrics = Calculate(Daily(100m, 110m, 121m, 133.1m));

        Assert.Equal(0.0, metrics.AnnualVolatility);
        Assert.Equal(0.0, metrics.Sharpe);
        Assert.Equal(0.0, metrics.Sortino);
        Assert.Equal(0.331, metrics.TotalReturn, Exact);
        Assert.True(metrics.Cagr > 0);
    }

    [Fact]
    public void Equity_that_falls_to_zero_and_below_gives_finite_figures()
    {
        // Daily 100, 50, 0, −10. Defined returns: 50/100 − 1 = −0.5, 0/50 − 1 = −1; the period from 0 has none (left out).
        // n = 2, mean −0.75, sample std √((0.25² + 0.25²) / 1) = √0.125; DD = √((0.25 + 1) / 2) = √0.625.
        // PeriodsPerYear = 3 / (3 / 365.25) = 365.25. Drawdown 1 − (−10/100) = 1.1; final ≤ 0 → CAGR −1.
        var metrics = Calculate(Daily(100m, 50m, 0m, -10m));

        Assert.Equal(365.25, metrics.PeriodsPerYear, 1e-10);
        Assert.Equal(-1.1, metrics.TotalReturn, Exact);
        Assert.Equal(-1.0, metrics.Cagr);
        Assert.Equal(1.1, metrics.MaxDrawdown, Exact);
        Assert.Equal(TimeSpan.FromDays(3), metrics.MaxDrawdownDuration);
        Assert.Equal(-1.0 / 1.1, metrics.Calmar, Exact);
        Assert.Equal(Math.Sqrt(0.125) * Math.Sqrt(365.25), metrics.AnnualVolatility, 1e-10);
        Assert.Equal(-0.75 / Math.Sqrt(0.125) * Math.Sqrt(365.25), metrics.Sharpe, 1e-10);
        Assert.Equal(-0.75 / Math.Sqrt(0.625) * Math.Sqrt(365.25), metrics.Sortino, 1e-10);
        Assert.Equal(-10m, metrics.FinalEquity);
        Assert.Equal(-110m, metrics.NetProfit);
        Assert.All(Doubles(metrics), d => Assert.True(double.IsFinite(d)));
        Assert.Equal(
            [0.0, -0.5, -1.0, -1.1],
            BacktestMetricsCalculator.DrawdownSeries(Daily(100m, 50m, 0m, -10m)).Select(p => p.Drawdown),
            new ToleranceComparer(Exact));
    }

    [Fact]
    public void A_period_that_starts_at_zero_equity_is_left_out_not_counted_as_zero()
    {
        // Daily 100, 0, 50, 100: returns −1 and 100/50 − 1 = 1; 0 → 50 has none. Sample std of (−1, 1) = √2, so the
        // volatility is √2 × √365.25; counting 0 → 50 as a 0 return would give std 1 instead.
        var metrics = Calculate(Daily(100m, 0m, 50m, 100m));

        Assert.Equal(Math.Sqrt(2) * Math.Sqrt(365.25), metrics.AnnualVolatility, 1e-10);
        Assert.Equal(0.0, metrics.Sharpe, 1e-12); // mean (−1 + 1) / 2 = 0
        Assert.Equal(1.0, metrics.MaxDrawdown, Exact);
        Assert.Equal(TimeSpan.FromDays(3), metrics.MaxDrawdownDuration); // back to 100 on day 3
    }

    [Fact]
    public void A_gain_annualised_from_minutes_is_capped_not_infinite()
    {
        // 100, 99, 110 one minute apart: 1.1^(525960 / 2) overflows a double.
        var equity = new[] { Point("2024-01-01T00:00:00Z", 100m), Point("2024-01-01T00:01:00Z", 99m), Point("2024-01-01T00:02:00Z", 110m) };

        var metrics = Calculate(equity);

        Assert.Equal(double.MaxValue, metrics.Cagr);
        Assert.Equal(double.MaxValue, metrics.Calmar);
        Assert.All(Doubles(metrics), d => Assert.True(double.IsFinite(d)));
    }

    [Fact]
    public void Empty_is_all_zero_with_no_profit_factor()
    {
        Assert.All(Doubles(BacktestMetrics.Empty), d => Assert.Equal(0.0, d));
        Assert.Null(BacktestMetrics.Empty.ProfitFactor);
        Assert.Equal(0, BacktestMetrics.Empty.TotalTrades);
        Assert.Equal(0m, BacktestMetrics.Empty.FinalEquity);
        Assert.Equal(TimeSpan.Zero, BacktestMetrics.Empty.MaxDrawdownDuration);
    }
}
