using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Market;
using static TradingPlatform.Trading.Tests.Backtesting.MetricsFixtures;

namespace TradingPlatform.Trading.Tests.Backtesting;

/// <summary>
/// The return and risk figures on <see cref="MetricsFixtures.YearOfThreePeriods"/>: equity 100, 110, 99, 121 over
/// exactly one year in 3 periods. Returns r = 110/100 − 1 = 0.1, 99/110 − 1 = −0.1, 121/99 − 1 = 22/99 = 2/9.
/// mean = (0.1 − 0.1 + 2/9) / 3 = 2/27. Deviations from the mean, in 270ths: 7, −47, 40; squares 49 + 2209 + 1600 =
/// 3858, / 2 (n − 1) = 1929 → sample variance 1929 / 270², std = √1929 / 270 ≈ 0.162668.
/// </summary>
public sealed class ReturnMetricsTests
{
    private static readonly BacktestMetrics Year = Calculate(YearOfThreePeriods);

    [Fact]
    public void Periods_per_year_is_the_number_of_periods_over_the_years_spanned() =>
        Assert.Equal(3.0, Year.PeriodsPerYear, Exact); // 3 periods / (365.25 d / 365.25)

    [Fact]
    public void Total_return_is_final_over_initial_minus_one() =>
        Assert.Equal(0.21, Year.TotalReturn, Exact); // 121 / 100 − 1

    [Fact]
    public void Cagr_over_exactly_one_year_is_the_total_return() =>
        Assert.Equal(0.21, Year.Cagr, Exact); // 1.21^(1/1) − 1

    [Fact]
    public void Cagr_compounds_down_over_two_years()
    {
        // 100 → 121 over 730.5 days = 2 years: 1.21^(1/2) − 1 = 1.1 − 1 = 0.1.
        var metrics = Calculate([Point("2024-01-01T00:00:00Z", 100m), Point("2025-12-31T12:00:00Z", 121m)]);

        Assert.Equal(0.1, metrics.Cagr, Exact);
        Assert.Equal(0.21, metrics.TotalReturn, Exact);
        Assert.Equal(0.5, metrics.PeriodsPerYear, Exact); // 1 period / 2 years
    }

    [Fact]
    public void Annual_volatility_is_the_sample_deviation_times_root_periods_per_year() =>
        Assert.Equal(Math.Sqrt(5787) / 270, Year.AnnualVolatility, Exact); // √1929/270 × √3 = √5787/270 ≈ 0.281749

    [Fact]
    public void Sharpe_is_mean_over_sample_deviation_times_root_periods_per_year() =>
        Assert.Equal(20 / Math.Sqrt(643), Year.Sharpe, Exact); // (2/27) / (√1929/270) × √3 = 20√3/√1929 = 20/√643 ≈ 0.788723

    [Fact]
    public void Sortino_divides_by_the_downside_deviation_over_all_periods() =>
        // Only −0.1 is below 0: DD = √(0.01 / 3) = 0.1/√3 (over all 3 periods, not the 1 losing one).
        // (2/27) / (0.1/√3) × √3 = (2/27) × 30 = 20/9 ≈ 2.222222.
        Assert.Equal(20.0 / 9, Year.Sortino, Exact);

    [Fact]
    public void Sharpe_and_sortino_subtract_the_per_period_risk_free_rate()
    {
        // rf = 33.1 % a year over 3 periods: (1.331)^(1/3) − 1 = 0.1 per period (1.1³ = 1.331).
        // Sharpe: (2/27 − 1/10) = −7/270; / (√1929/270) × √3 = −7/√643 ≈ −0.276053.
        // Sortino: r − 0.1 = 0, −0.2, 11/90 → DD = √(0.04 / 3) = 0.2/√3; (−7/270) / (0.2/√3) × √3 = −7/18 ≈ −0.388889.
        var metrics = BacktestMetricsCalculator.Calculate(Input(YearOfThreePeriods) with { RiskFreeRate = 0.331 });

        Assert.Equal(-7 / Math.Sqrt(643), metrics.Sharpe, Exact);
        Assert.Equal(-7.0 / 18, metrics.Sortino, Exact);
        Assert.Equal(Year.AnnualVolatility, metrics.AnnualVolatility); // volatility does not depend on the rate
    }

    [Fact]
    public void Max_drawdown_is_the_deepest_fall_from_the_running_peak() =>
        Assert.Equal(0.1, Year.MaxDrawdown, Exact); // peak 110, trough 99: 1 − 99/110

    [Fact]
    public void Max_drawdown_duration_runs_from_the_peak_to_the_recovery() =>
        // Peak at May 1 18:00 (110), back above it at Dec 31 06:00 (121): 2 × 121.75 d = 243.5 d.
        Assert.Equal(new TimeSpan(243, 12, 0, 0), Year.MaxDrawdownDuration);

    [Fact]
    public void Calmar_is_cagr_over_max_drawdown() =>
        Assert.Equal(2.1, Year.Calmar, Exact); // 0.21 / 0.1

    [Fact]
    public void Periods_per_year_of_round_the_clock_minute_bars_is_the_minutes_in_a_year()
    {
        // 1 day of 1-minute bars: 1441 points, 1440 periods in 1/365.25 year → 1440 × 365.25 = 525960.
        var start = At("2024-03-04T00:00:00Z");
        var equity = Enumerable.Range(0, 1441).Select(i => new EquityPoint(start + i * CandleInterval.OneMinute.Duration, 100m)).ToList();

        var metrics = Calculate(equity);

        Assert.Equal(525960, metrics.PeriodsPerYear, 1e-6);
        Assert.Equal(TimeSpan.FromDays(365.25) / CandleInterval.OneMinute.Duration, metrics.PeriodsPerYear, 1e-6);
    }

    [Fact]
    public void Periods_per_year_of_session_only_minute_bars_counts_only_the_bars_that_exist()
    {
        // Two sessions of 390 one-minute bars (09:31 … 16:00 closes), the start point at 09:30 on day one: 781 points,
        // 780 periods from Mon 09:30 to Tue 16:00 = 30.5 h. 780 / (30.5 / 24 / 365.25) = 780 × 24 × 365.25 / 30.5
        // ≈ 224 176.4, not the 525 960 of a clock that never stops.
        var monday = At("2024-03-04T09:30:00Z");
        var equity = new List<EquityPoint> { new(monday, 100m) };
        foreach (var session in new[] { monday, monday.AddDays(1) })
        {
            equity.AddRange(Enumerable.Range(1, 390).Select(m => new EquityPoint(session.AddMinutes(m), 100m + m)));
        }

        var metrics = Calculate(equity);

        var expected = 780 * 24 * 365.25 / 30.5;
        Assert.Equal(expected, metrics.PeriodsPerYear, expected * 1e-12);
    }
}
