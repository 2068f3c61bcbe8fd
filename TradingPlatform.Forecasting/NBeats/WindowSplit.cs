namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// The chronological split of a series' sliding windows (window w reads prices w..w + L − 1 and forecasts
/// w + L..w + L + H − 1): the first <see cref="TrainingCount"/> windows train, the last <see cref="ValidationCount"/>
/// validate, and the H − 1 windows between are dropped, so that the first validation target starts right after the
/// last training target and no validation target was ever trained on.
/// </summary>
internal readonly record struct WindowSplit(int TrainingCount, int ValidationStart, int ValidationCount)
{
    /// <param name="validationFraction">The share of all windows held out for validation (rounded down, at least one).</param>
    /// <param name="paramName">The caller's name for the series, for the refusals.</param>
    public static WindowSplit Create(int priceCount, int lookback, int horizon, double validationFraction, string paramName)
    {
        var windowLength = lookback + horizon;
        if (priceCount < windowLength)
        {
            throw new ArgumentException($"The series has {priceCount} prices, too few for one window of {windowLength} (lookback {lookback} + horizon {horizon}).", paramName);
        }

        var windows = priceCount - windowLength + 1;
        var validation = Math.Max(1, (int)(windows * validationFraction));
        var gap = horizon - 1;
        var training = windows - validation - gap;
        if (training < 1)
        {
            throw new ArgumentException($"The series has {priceCount} prices, {windows} windows of {windowLength}: {validation} held out for validation and the {gap} dropped before them leave none to train on; give a longer series.", paramName);
        }

        return new WindowSplit(training, training + gap, validation);
    }
}
