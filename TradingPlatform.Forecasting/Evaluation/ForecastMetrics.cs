namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// M4's point metrics over a set of forecast windows (Makridakis et al., "The M4 Competition", 2020). For a window
/// with actual values y₁..y_H, forecasts ŷ₁..ŷ_H and in-sample history x₁..xₙ:
/// <list type="bullet">
/// <item>sMAPE = 200 / H · Σₕ |yₕ − ŷₕ| / (|yₕ| + |ŷₕ|), in percent (0 to 200); a term with yₕ = ŷₕ = 0 counts 0
/// (a perfect forecast of 0, where the formula would divide 0 by 0).</item>
/// <item>MASE = (1 / H · Σₕ |yₕ − ŷₕ|) / scale, scale = 1 / (n − m) · Σₜ₌ₘ₊₁..ₙ |xₜ − xₜ₋ₘ|: the in-sample mean
/// absolute error of the seasonal naive with season m over the window's whole <see cref="EvaluationWindow.History"/>
/// (m = 1: the random walk's one-step error). M4 scales by each series' whole training part; here each window's
/// history is its in-sample span, so windows cut by <see cref="EvaluationWindows.FromSeries"/> with the lookback are
/// scaled by the volatility the model saw.</item>
/// <item>MAE = 1 / H · Σₕ |yₕ − ŷₕ|.</item>
/// </list>
/// sMAPE, MASE and MAE are the means of the per-window values, as M4 averages over series. RMSE is pooled instead:
/// √(mean of (yₕ − ŷₕ)² over every window and step), since a mean of per-window RMSEs is not a root mean square error.
/// </summary>
public static class ForecastMetrics
{
    /// <param name="windows">The windows, all of one horizon.</param>
    /// <param name="forecasts">One forecast per window, as long as its actual values.</param>
    /// <param name="season">MASE's season m (1, the default: scaled by the random walk's in-sample error).</param>
    public static PointMetrics Compute(IReadOnlyList<EvaluationWindow> windows, IReadOnlyList<IReadOnlyList<double>> forecasts, int season = 1)
    {
        var horizon = EvaluationChecks.Horizon(windows, forecasts, nameof(windows), nameof(forecasts));
        EvaluationChecks.Season(season, nameof(season));
        double smape = 0, mase = 0, mae = 0, squared = 0;
        for (var w = 0; w < windows.Count; w++)
        {
            var actual = windows[w].Actual;
            var forecast = forecasts[w];
            double windowSmape = 0, windowAbsolute = 0;
            for (var h = 0; h < horizon; h++)
            {
                var error = actual[h] - forecast[h];
                windowSmape += SMapeTerm(actual[h], forecast[h]);
                windowAbsolute += Math.Abs(error);
                squared += error * error;
            }

            var windowMae = windowAbsolute / horizon;
            smape += windowSmape / horizon;
            mae += windowMae;
            mase += windowMae / MaseScale(windows[w].History, season, $"Window {w}'s history", nameof(windows));
        }

        var count = windows.Count;
        return new PointMetrics(smape / count, mase / count, mae / count, Math.Sqrt(squared / (count * (double)horizon)), count, season);
    }

    /// <summary>200 |y − ŷ| / (|y| + |ŷ|), 0 when both are 0: one step's sMAPE in percent.</summary>
    internal static double SMapeTerm(double actual, double forecast)
    {
        var denominator = Math.Abs(actual) + Math.Abs(forecast);
        return denominator == 0 ? 0 : 200 * Math.Abs(actual - forecast) / denominator;
    }

    /// <summary>
    /// MASE's scale for a history x₁..xₙ: 1 / (n − m) · Σₜ₌ₘ₊₁..ₙ |xₜ − xₜ₋ₘ|, the in-sample mean absolute error of the
    /// seasonal naive with season m. Refused when the history is shorter than m + 1 or the scale is 0 (a history
    /// that repeats itself every m steps leaves MASE undefined).
    /// </summary>
    public static double MaseScale(ReadOnlySpan<double> history, int season = 1)
    {
        EvaluationChecks.Season(season, nameof(season));
        EvaluationChecks.ThrowIfNotFinite(history, "history", nameof(history));
        return MaseScale(history, season, "The history", nameof(history));
    }

    /// <inheritdoc cref="MaseScale(ReadOnlySpan{double}, int)"/>
    /// <param name="what">The history's name in the refusals, e.g. "Window 3's history".</param>
    private static double MaseScale(ReadOnlySpan<double> history, int season, string what, string paramName)
    {
        if (history.Length <= season)
        {
            throw new ArgumentException($"{what} has {history.Length} values; MASE with season {season} needs at least {season + 1}.", paramName);
        }

        var sum = 0.0;
        for (var t = season; t < history.Length; t++)
        {
            sum += Math.Abs(history[t] - history[t - season]);
        }

        return sum > 0
            ? sum / (history.Length - season)
            : throw new ArgumentException($"{what} does not change over season {season}, so MASE's scale (the in-sample mean absolute error of the seasonal naive) is 0 and MASE is undefined.", paramName);
    }
}
