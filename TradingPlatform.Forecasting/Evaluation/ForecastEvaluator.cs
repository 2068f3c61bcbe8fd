namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// Scores a model before activation. The caller forecasts two sets of windows the model never trained on: the
/// calibration windows (the validation windows), which calibrate the intervals, and the held-out test windows (later
/// in time), on which everything is measured: the model's and the baselines' point metrics, the intervals' coverage,
/// and Diebold–Mariano against the random walk at the last step (h = H, the step the trend is read at), then
/// <see cref="ActivationRule"/>.
/// </summary>
public static class ForecastEvaluator
{
    /// <param name="calibrationWindows">The windows that calibrate the intervals, with the model's forecasts in <paramref name="calibrationForecasts"/>.</param>
    /// <param name="testWindows">The held-out windows, in time order, with the model's forecasts in <paramref name="testForecasts"/>.</param>
    /// <param name="options">α, the seasons and the Diebold–Mariano loss.</param>
    /// <param name="forceActivation">An admin's override of the activation rule.</param>
    public static ForecastEvaluation Evaluate(IReadOnlyList<EvaluationWindow> calibrationWindows, IReadOnlyList<IReadOnlyList<double>> calibrationForecasts,
        IReadOnlyList<EvaluationWindow> testWindows, IReadOnlyList<IReadOnlyList<double>> testForecasts, EvaluationOptions options, bool forceActivation = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        var horizon = EvaluationChecks.Horizon(testWindows, testForecasts, nameof(testWindows), nameof(testForecasts));
        var intervals = ConformalIntervals.Calibrate(calibrationWindows, calibrationForecasts, options.Alpha);
        if (intervals.Horizon != horizon)
        {
            throw new ArgumentException($"The calibration windows have {intervals.Horizon} steps and the test windows {horizon}; they must match.", nameof(calibrationWindows));
        }

        var randomWalk = testWindows.Select(Baselines.RandomWalk).ToArray();
        var seasonalNaive = testWindows.Select(window => Baselines.SeasonalNaive(window, options.Season)).ToArray();
        var drift = testWindows.Select(Baselines.Drift).ToArray();

        var model = ForecastMetrics.Compute(testWindows, testForecasts, options.MaseSeason);
        var randomWalkMetrics = ForecastMetrics.Compute(testWindows, randomWalk, options.MaseSeason);
        var seasonalMetrics = ForecastMetrics.Compute(testWindows, seasonalNaive, options.MaseSeason);
        var driftMetrics = ForecastMetrics.Compute(testWindows, drift, options.MaseSeason);
        var coverage = IntervalCoverage.Measure(intervals, testWindows, testForecasts);
        var dm = DieboldMariano.CompareAtStep(testWindows, testForecasts, randomWalk, horizon - 1, options.Loss);
        var decision = ActivationRule.Decide(model, randomWalkMetrics, seasonalMetrics, dm, forceActivation);
        return new ForecastEvaluation(model, randomWalkMetrics, seasonalMetrics, options.Season, driftMetrics, intervals, coverage, dm, decision);
    }
}
