using TradingPlatform.Forecasting.Evaluation;

namespace TradingPlatform.Forecasting.Tests.Evaluation;

/// <summary>The random walk, seasonal naive and drift forecasts.</summary>
public sealed class BaselinesTests
{
    private static readonly EvaluationWindow Window = EvaluationData.Window([1, 2, 3, 4, 5], [0, 0, 0, 0, 0]);

    [Fact]
    public void The_random_walk_repeats_the_last_value() => Assert.Equal([5, 5, 5, 5, 5], Baselines.RandomWalk(Window));

    [Fact]
    public void The_seasonal_naive_repeats_the_last_m_values() => Assert.Equal([4, 5, 4, 5, 4], Baselines.SeasonalNaive(Window, 2));

    [Fact]
    public void The_seasonal_naive_of_season_1_is_the_random_walk() => Assert.Equal(Baselines.RandomWalk(Window), Baselines.SeasonalNaive(Window, 1));

    // Slope (5 − 1) / (5 − 1) = 1 per step from the last value 5.
    [Fact]
    public void Drift_extends_the_line_through_the_first_and_last_values() => Assert.Equal([6, 7, 8, 9, 10], Baselines.Drift(Window));

    [Fact]
    public void On_a_seasonal_series_the_seasonal_naive_has_no_error_and_the_random_walk_has()
    {
        double[] pattern = [10, 12, 11, 9];
        var series = Enumerable.Range(0, 60).Select(t => pattern[t % 4]).ToArray();
        var windows = EvaluationWindows.FromSeries(series, historyLength: 8, horizon: 6, first: 0, count: 40);

        var seasonal = ForecastMetrics.Compute(windows, windows.Select(window => Baselines.SeasonalNaive(window, 4)).ToArray());
        var randomWalk = ForecastMetrics.Compute(windows, windows.Select(Baselines.RandomWalk).ToArray());

        Assert.Equal(0, seasonal.Mae);
        Assert.Equal(0, seasonal.SMape);
        Assert.Equal(0, seasonal.Mase);
        Assert.True(randomWalk.Mae > 1, $"The random walk's MAE was {randomWalk.Mae}.");
    }

    [Fact]
    public void Windows_from_a_series_follow_the_training_indexing()
    {
        var windows = EvaluationWindows.FromSeries([1, 2, 3, 4, 5, 6, 7], historyLength: 3, horizon: 2, first: 1, count: 2);

        Assert.Equal([2, 3, 4], windows[0].History.ToArray());
        Assert.Equal([5, 6], windows[0].Actual.ToArray());
        Assert.Equal([3, 4, 5], windows[1].History.ToArray());
        Assert.Equal([6, 7], windows[1].Actual.ToArray());
        var error = Assert.Throws<ArgumentException>(() => EvaluationWindows.FromSeries([1, 2, 3, 4, 5, 6, 7], 3, 2, first: 1, count: 3));
        Assert.Contains("need 8 values; the series has 7", error.Message, StringComparison.Ordinal);
        var nan = Assert.Throws<ArgumentException>(() => EvaluationWindows.FromSeries([1, 2, 3, 4, 5, double.NaN, 7], 3, 2, first: 1, count: 2));
        Assert.Contains("series[5] is NaN", nan.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Histories_too_short_for_a_baseline_are_refused()
    {
        var single = EvaluationData.Window([5], [6]);

        Assert.Contains("the drift method needs at least 2", Assert.Throws<ArgumentException>(() => Baselines.Drift(single)).Message, StringComparison.Ordinal);
        Assert.Contains("season 2 repeats the last 2", Assert.Throws<ArgumentException>(() => Baselines.SeasonalNaive(single, 2)).Message, StringComparison.Ordinal);
        Assert.Equal("season", Assert.Throws<ArgumentOutOfRangeException>(() => Baselines.SeasonalNaive(single, 0)).ParamName);
    }
}
