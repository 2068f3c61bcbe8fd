using TradingPlatform.Trading.Backtesting;
using static TradingPlatform.Trading.Tests.Backtesting.MetricsFixtures;

namespace TradingPlatform.Trading.Tests.Backtesting;

public sealed class DrawdownMetricsTests
{
    [Fact]
    public void The_drawdown_series_is_each_point_against_its_running_peak()
    {
        // 100 (peak), 110 (new peak), 99 → 99/110 − 1 = −0.1, 121 (new peak).
        var series = BacktestMetricsCalculator.DrawdownSeries(YearOfThreePeriods);

        Assert.Equal(YearOfThreePeriods.Select(p => p.At), series.Select(p => p.At));
        Assert.Equal([0.0, 0.0, -0.1, 0.0], series.Select(p => p.Drawdown), new ToleranceComparer(Exact));
    }

    [Fact]
    public void A_drawdown_that_never_recovers_lasts_to_the_end()
    {
        // 100, 120 (peak, day 1), 90 → −0.25, 108 → −0.1, 115 → −5/120: still under water at day 4.
        var equity = Daily(100m, 120m, 90m, 108m, 115m);

        var metrics = Calculate(equity);
        var series = BacktestMetricsCalculator.DrawdownSeries(equity);

        Assert.Equal(0.25, metrics.MaxDrawdown, Exact);
        Assert.Equal(TimeSpan.FromDays(3), metrics.MaxDrawdownDuration); // day 1 → day 4
        Assert.Equal([0.0, 0.0, -0.25, -0.1, -5.0 / 120], series.Select(p => p.Drawdown), new ToleranceComparer(Exact));
        Assert.Equal(-metrics.MaxDrawdown, series.Min(p => p.Drawdown), Exact);
    }

    [Fact]
    public void The_duration_is_the_longest_episode_not_the_deepest()
    {
        // Episode 1: 100 (day 0) → 90 → 101 (day 2): 10 % deep, 2 days. Episode 2: 101 (day 2) → 100.9, 100.8, 100.7 →
        // 102 (day 6): 0.3 % deep (1 − 100.7/101), 4 days.
        var metrics = Calculate(Daily(100m, 90m, 101m, 100.9m, 100.8m, 100.7m, 102m));

        Assert.Equal(0.1, metrics.MaxDrawdown, Exact);
        Assert.Equal(TimeSpan.FromDays(4), metrics.MaxDrawdownDuration);
    }

    [Fact]
    public void Getting_back_to_the_peak_exactly_is_a_recovery()
    {
        // 100, 90, 100 (recovered on day 2), 95, 96, 97 (under water from day 2 to the end, day 5: 3 days).
        var metrics = Calculate(Daily(100m, 90m, 100m, 95m, 96m, 97m));

        Assert.Equal(TimeSpan.FromDays(3), metrics.MaxDrawdownDuration);
        Assert.Equal(0.1, metrics.MaxDrawdown, Exact);
    }

    [Fact]
    public void A_drawdown_starts_at_the_last_point_at_the_peak()
    {
        // 100 on days 0, 1 and 2, then 90, back to 100 on day 4: under water from day 2 to day 4.
        var metrics = Calculate(Daily(100m, 100m, 100m, 90m, 100m));

        Assert.Equal(TimeSpan.FromDays(2), metrics.MaxDrawdownDuration);
    }

    [Fact]
    public void A_curve_that_never_falls_has_no_drawdown_and_no_calmar()
    {
        var equity = Daily(100m, 101m, 101m, 105m);

        var metrics = Calculate(equity);

        Assert.Equal(0.0, metrics.MaxDrawdown);
        Assert.Equal(TimeSpan.Zero, metrics.MaxDrawdownDuration);
        Assert.Equal(0.0, metrics.Calmar);
        Assert.All(BacktestMetricsCalculator.DrawdownSeries(equity), p => Assert.Equal(0.0, p.Drawdown));
    }

    [Fact]
    public void The_drawdown_series_refuses_an_empty_curve()
    {
        var error = Assert.Throws<ArgumentException>(() => BacktestMetricsCalculator.DrawdownSeries([]));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }
}
