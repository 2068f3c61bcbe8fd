namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>The argument checks shared by the evaluation code, so that each refusal names the argument, the index and the rule.</summary>
internal static class EvaluationChecks
{
    /// <summary>
    /// Throws when a value is NaN or infinite, naming it as <paramref name="what"/>[index], the index counted from
    /// <paramref name="firstIndex"/> (the index of values[0] in the caller's series).
    /// </summary>
    public static void ThrowIfNotFinite(ReadOnlySpan<double> values, string what, string paramName, int firstIndex = 0)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{what}[{firstIndex + i}] is {values[i]}; every value must be finite.", paramName);
            }
        }
    }

    /// <summary>α, the share of actual values an interval may miss: strictly between 0 and 1.</summary>
    public static double Alpha(double alpha, string paramName) =>
        double.IsFinite(alpha) && alpha > 0 && alpha < 1
            ? alpha
            : throw new ArgumentOutOfRangeException(paramName, alpha, $"α (the share of actual values an interval may miss; 0.2 for an 80 % interval) must lie strictly between 0 and 1; it was {alpha}.");

    public static int Season(int season, string paramName) =>
        season >= 1
            ? season
            : throw new ArgumentOutOfRangeException(paramName, season, $"The season m (1 for the random walk) must be at least 1; it was {season}.");

    /// <summary>
    /// Checks a set of windows and their forecasts: at least one window, one forecast per window, each as long as its
    /// window's actual values and finite, and every window of the same horizon. Returns that horizon.
    /// </summary>
    public static int Horizon(IReadOnlyList<EvaluationWindow> windows, IReadOnlyList<IReadOnlyList<double>> forecasts, string windowsName, string forecastsName)
    {
        ArgumentNullException.ThrowIfNull(windows, windowsName);
        ArgumentNullException.ThrowIfNull(forecasts, forecastsName);
        if (windows.Count == 0)
        {
            throw new ArgumentException("The set of windows is empty; give at least one window.", windowsName);
        }

        if (forecasts.Count != windows.Count)
        {
            throw new ArgumentException($"There are {forecasts.Count} forecasts for {windows.Count} windows; give one forecast per window.", forecastsName);
        }

        var horizon = windows[0].Horizon;
        for (var w = 0; w < windows.Count; w++)
        {
            var window = windows[w] ?? throw new ArgumentException($"Window {w} is null.", windowsName);
            if (window.Horizon != horizon)
            {
                throw new ArgumentException($"Window {w} has {window.Horizon} actual values, window 0 has {horizon}; every window of a set must have the same horizon.", windowsName);
            }

            var forecast = forecasts[w] ?? throw new ArgumentException($"Forecast {w} is null.", forecastsName);
            if (forecast.Count != horizon)
            {
                throw new ArgumentException($"Forecast {w} has {forecast.Count} values for window {w}'s {horizon} actual values; they must match.", forecastsName);
            }

            for (var h = 0; h < horizon; h++)
            {
                if (!double.IsFinite(forecast[h]))
                {
                    throw new ArgumentException($"Forecast {w}[{h}] is {forecast[h]}; every value must be finite.", forecastsName);
                }
            }
        }

        return horizon;
    }
}
