namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// The benchmark forecasts a model must beat, each from a window's history alone (x₁..xₙ, the last value at the
/// origin), for the window's horizon H. On a market close to a random walk the random walk is the one to match.
/// </summary>
public static class Baselines
{
    /// <summary>The random walk (naive): ŷₕ = xₙ for every step.</summary>
    public static double[] RandomWalk(EvaluationWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var forecast = new double[window.Horizon];
        Array.Fill(forecast, window.LastValue);
        return forecast;
    }

    /// <summary>
    /// The seasonal naive with season m: the last m values repeated, ŷₕ = x[n − m + 1 + ((h − 1) mod m)] for
    /// h = 1..H (m = 1 is the random walk). The history needs at least m values.
    /// </summary>
    public static double[] SeasonalNaive(EvaluationWindow window, int season)
    {
        ArgumentNullException.ThrowIfNull(window);
        EvaluationChecks.Season(season, nameof(season));
        var history = window.History;
        if (history.Length < season)
        {
            throw new ArgumentException($"The history has {history.Length} values; the seasonal naive with season {season} repeats the last {season}.", nameof(window));
        }

        var forecast = new double[window.Horizon];
        for (var h = 0; h < forecast.Length; h++)
        {
            forecast[h] = history[history.Length - season + (h % season)];
        }

        return forecast;
    }

    /// <summary>
    /// The drift method: the line through the first and last values of the history extended, ŷₕ = xₙ + h (xₙ − x₁) /
    /// (n − 1) for h = 1..H. The history needs at least 2 values.
    /// </summary>
    public static double[] Drift(EvaluationWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var history = window.History;
        if (history.Length < 2)
        {
            throw new ArgumentException($"The history has {history.Length} value; the drift method needs at least 2 for its slope.", nameof(window));
        }

        var slope = (history[^1] - history[0]) / (history.Length - 1);
        var forecast = new double[window.Horizon];
        for (var h = 0; h < forecast.Length; h++)
        {
            forecast[h] = history[^1] + ((h + 1) * slope);
        }

        return forecast;
    }
}
