using TradingPlatform.Forecasting.Evaluation;

namespace TradingPlatform.Forecasting.Tests.Evaluation;

/// <summary>Split-conformal intervals: the quantile's rank, coverage out of sample, and the direction probability.</summary>
public sealed class ConformalIntervalsTests
{
    // Nine windows at last value 100, forecast 100, actual 100 + k: relative residuals k / 100 for
    // k = −5, 1, 3, −2, 8, −4, 6, 0, 7. Sorted |r|: 0, 1, 2, 3, 4, 5, 6, 7, 8 (%); signed: −5, −4, −2, 0, 1, 3, 6, 7, 8 (%).
    private static readonly int[] Moves = [-5, 1, 3, -2, 8, -4, 6, 0, 7];

    private static ConformalIntervals SmallCalibration(double alpha) =>
        ConformalIntervals.Calibrate(
            [.. Moves.Select(k => EvaluationData.Window([100], [100.0 + k]))],
            [.. Moves.Select(_ => new double[] { 100 })],
            alpha);

    [Fact]
    public void The_half_width_is_the_ceiling_of_n_plus_1_times_1_minus_alpha_th_smallest_absolute_residual()
    {
        // n = 9, α = 0.2: ⌈10 · 0.8⌉ = 8th smallest = 7 %. α = 0.1: ⌈10 · 0.9⌉ = 9th = 8 %.
        Assert.Equal(0.07, SmallCalibration(0.2).RelativeHalfWidths[0], 1e-12);
        Assert.Equal(0.08, SmallCalibration(0.1).RelativeHalfWidths[0], 1e-12);
    }

    [Fact]
    public void An_interval_is_the_forecast_plus_and_minus_the_half_width_times_the_last_value()
    {
        // 210 ± 0.07 · 200 = [196, 224].
        var interval = SmallCalibration(0.2).Intervals(200, [210])[0];

        Assert.Equal(196, interval.Lower, 1e-9);
        Assert.Equal(224, interval.Upper, 1e-9);
    }

    [Fact]
    public void Too_few_calibration_windows_for_alpha_are_refused()
    {
        // α = 0.05: ⌈10 · 0.95⌉ = 10 > 9; it needs 1 / 0.05 − 1 = 19 windows.
        var error = Assert.Throws<ArgumentException>(() => SmallCalibration(0.05));

        Assert.Contains("9 calibration windows are too few for α = 0.05", error.Message, StringComparison.Ordinal);
        Assert.Contains("give at least 19 windows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_probability_above_the_last_value_counts_the_residuals_that_would_lift_the_forecast_above_it()
    {
        var intervals = SmallCalibration(0.2);

        // Forecast 100 at 100: r > 0 → 1, 3, 6, 7, 8: 5 of 9.
        Assert.Equal(5 / 9.0, intervals.ProbabilityAbove(100, [100])[0], 1e-12);
        // Forecast 103 at 100: r > −0.03 → −2, 0, 1, 3, 6, 7, 8: 7 of 9.
        Assert.Equal(7 / 9.0, intervals.ProbabilityAbove(100, [103])[0], 1e-12);
        // Forecast 120 at 200: r > 0.4, none; forecast 300 at 200: r > −0.5, all.
        Assert.Equal(0, intervals.ProbabilityAbove(200, [120])[0]);
        Assert.Equal(1, intervals.ProbabilityAbove(200, [300])[0]);
    }

    [Fact]
    public void An_80_percent_interval_covers_close_to_80_percent_of_new_windows_on_iid_noise()
    {
        var random = new Random(2014);
        var (calibration, calibrationForecasts) = EvaluationData.NoisySignal(500, 4, random);
        var (test, testForecasts) = EvaluationData.NoisySignal(2_000, 4, random);

        var coverage = IntervalCoverage.Measure(ConformalIntervals.Calibrate(calibration, calibrationForecasts, 0.2), test, testForecasts);

        Assert.Equal(0.8, coverage.Level, 1e-12);
        Assert.InRange(coverage.Overall, 0.76, 0.84);
        Assert.Equal(4, coverage.PerStep.Count);
        Assert.All(coverage.PerStep, step => Assert.InRange(step, 0.74, 0.86));
        Assert.Equal(2_000, coverage.WindowCount);
        // N(0, 0.5²) noise at a level near 100: the 80 % half-width is about 1.2816 · 0.5 / 100, the width twice that.
        Assert.InRange(coverage.MeanRelativeWidth, 0.011, 0.0146);
    }

    [Fact]
    public void A_95_percent_interval_covers_more_than_the_80_percent_one_and_is_wider()
    {
        var random = new Random(2014);
        var (calibration, calibrationForecasts) = EvaluationData.NoisySignal(500, 4, random);
        var (test, testForecasts) = EvaluationData.NoisySignal(2_000, 4, random);

        var at80 = IntervalCoverage.Measure(ConformalIntervals.Calibrate(calibration, calibrationForecasts, 0.2), test, testForecasts);
        var at95 = IntervalCoverage.Measure(ConformalIntervals.Calibrate(calibration, calibrationForecasts, 0.05), test, testForecasts);

        Assert.True(at95.Overall > at80.Overall, $"95 %: {at95.Overall}, 80 %: {at80.Overall}.");
        Assert.InRange(at95.Overall, 0.93, 0.97);
        Assert.True(at95.MeanRelativeWidth > at80.MeanRelativeWidth, $"95 %: {at95.MeanRelativeWidth}, 80 %: {at80.MeanRelativeWidth}.");
    }

    [Fact]
    public void Unbiased_noise_gives_even_odds_of_a_rise_when_the_forecast_is_the_last_value()
    {
        var random = new Random(7);
        var windows = Enumerable.Range(0, 1_000).Select(_ => EvaluationData.Window([100], [100 + EvaluationData.Gaussian(random)])).ToArray();
        var intervals = ConformalIntervals.Calibrate(windows, [.. windows.Select(_ => new double[] { 100 })], 0.2);

        Assert.InRange(intervals.ProbabilityAbove(50, [50])[0], 0.45, 0.55);
        // One standard deviation (1 % of the price) above the last value: P(N(0, 1) > −1) ≈ 0.84.
        Assert.InRange(intervals.ProbabilityAbove(50, [50.5])[0], 0.80, 0.88);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Alpha_outside_0_to_1_is_refused(double alpha)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SmallCalibration(alpha));

        Assert.Equal("alpha", error.ParamName);
        Assert.Contains("must lie strictly between 0 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_last_value_of_0_or_below_is_refused_since_the_residuals_are_relative_to_it()
    {
        var error = Assert.Throws<ArgumentException>(() => ConformalIntervals.Calibrate([EvaluationData.Window([1, 0], [1])], [new double[] { 1 }], 0.5));
        Assert.Contains("Window 0's last value is 0; the residuals are relative to it", error.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => SmallCalibration(0.2).Intervals(-1, [1]));
    }

    [Fact]
    public void A_forecast_of_another_horizon_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => SmallCalibration(0.2).Intervals(100, [1, 2]));

        Assert.Contains("The forecast has 2 values; the intervals were calibrated for 1 steps.", error.Message, StringComparison.Ordinal);
    }
}
