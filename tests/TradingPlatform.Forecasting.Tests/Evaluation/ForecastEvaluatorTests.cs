using TradingPlatform.Forecasting.Evaluation;
using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Tests.Support;

namespace TradingPlatform.Forecasting.Tests.Evaluation;

/// <summary>The whole evaluation on a random walk: calibration windows first, held-out windows after them.</summary>
public sealed class ForecastEvaluatorTests
{
    private static readonly double[] Prices = SyntheticSeries.RandomWalk(3_000, seed: 21);

    // History 20, horizon 5. Calibration windows 0..499; the held-out windows start 4 (H − 1) later, at 504, so that
    // no held-out target was a calibration target.
    private static readonly IReadOnlyList<EvaluationWindow> Calibration = EvaluationWindows.FromSeries(Prices, 20, 5, first: 0, count: 500);
    private static readonly IReadOnlyList<EvaluationWindow> Test = EvaluationWindows.FromSeries(Prices, 20, 5, first: 504, count: 2_000);
    private static readonly EvaluationOptions Options = new() { Season = 5 };

    private static double[][] Forecast(IReadOnlyList<EvaluationWindow> windows, double factor) =>
        [.. windows.Select(window => Baselines.RandomWalk(window).Select(value => value * factor).ToArray())];

    [Fact]
    public void A_model_that_is_the_random_walk_is_activated_with_calibrated_intervals()
    {
        var evaluation = ForecastEvaluator.Evaluate(Calibration, Forecast(Calibration, 1), Test, Forecast(Test, 1), Options);

        Assert.Equal(evaluation.RandomWalk, evaluation.Model);
        Assert.Equal(ForecastMetrics.Compute(Test, [.. Test.Select(window => Baselines.SeasonalNaive(window, 5))]), evaluation.SeasonalNaive);
        Assert.Equal(5, evaluation.SeasonalNaiveSeason);
        Assert.Equal(ForecastMetrics.Compute(Test, [.. Test.Select(Baselines.Drift)]), evaluation.Drift);
        // On a random walk the 5-step random walk is worse than its in-sample one-step scale: MASE above 1.
        Assert.True(evaluation.RandomWalk.Mase > 1.3, $"The random walk's MASE was {evaluation.RandomWalk.Mase}.");
        Assert.Equal(0, evaluation.DieboldMariano.Statistic);
        Assert.Equal(5, evaluation.DieboldMariano.Horizon);
        Assert.Equal(0.8, evaluation.Coverage.Level, 1e-12);
        Assert.InRange(evaluation.Coverage.Overall, 0.76, 0.84);
        Assert.Equal(500, evaluation.Intervals.CalibrationCount);
        Assert.True(evaluation.Decision.Activate, evaluation.Decision.Reason);
    }

    [Fact]
    public void A_model_biased_by_1_percent_is_stored_but_not_activated_unless_forced()
    {
        var evaluation = ForecastEvaluator.Evaluate(Calibration, Forecast(Calibration, 1.01), Test, Forecast(Test, 1.01), Options);
        var forced = ForecastEvaluator.Evaluate(Calibration, Forecast(Calibration, 1.01), Test, Forecast(Test, 1.01), Options, forceActivation: true);

        Assert.True(evaluation.Model.Mase > 1.05 * evaluation.RandomWalk.Mase, $"MASE {evaluation.Model.Mase} against {evaluation.RandomWalk.Mase}.");
        Assert.True(evaluation.DieboldMariano.ModelSignificantlyWorse(0.05), $"DM {evaluation.DieboldMariano.Statistic}, p {evaluation.DieboldMariano.PValue}.");
        Assert.False(evaluation.Decision.Activate, evaluation.Decision.Reason);
        Assert.True(forced.Decision.Activate);
        Assert.True(forced.Decision.Forced);
    }

    [Fact]
    public void An_untrained_network_forecasts_through_the_same_windows_and_is_not_activated()
    {
        var forecaster = new NBeatsForecaster(new NBeatsNetwork(new NBeatsOptions { Lookback = 20, Horizon = 5, Stacks = 1, BlocksPerStack = 1, HiddenUnits = 8, Seed = 4 }));
        double[][] Forecasts(IReadOnlyList<EvaluationWindow> windows) => [.. windows.Select(window => forecaster.Forecast(window.History))];

        var evaluation = ForecastEvaluator.Evaluate(Calibration, Forecasts(Calibration), Test, Forecasts(Test), Options);

        Assert.False(evaluation.Decision.Activate, evaluation.Decision.Reason);
        Assert.Contains("(stored only)", evaluation.Decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibration_and_test_windows_of_different_horizons_are_refused()
    {
        var shortCalibration = EvaluationWindows.FromSeries(Prices, 20, 4, first: 0, count: 100);

        var error = Assert.Throws<ArgumentException>(() => ForecastEvaluator.Evaluate(shortCalibration, Forecast(shortCalibration, 1), Test, Forecast(Test, 1), Options));

        Assert.Contains("The calibration windows have 4 steps and the test windows 5", error.Message, StringComparison.Ordinal);
    }
}
