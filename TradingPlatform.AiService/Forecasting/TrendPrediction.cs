namespace TradingPlatform.AiService.Forecasting;

/// <summary>
/// <c>POST /api/predict-trend</c>'s answer: where the active model expects the price <see cref="Horizon"/> steps ahead,
/// the probability that it ends above the last price, and the direction with its probability (the larger of the two).
/// </summary>
public sealed record TrendPrediction(
    string Symbol,
    string Interval,
    int Horizon,
    string Direction,
    double Probability,
    double ProbabilityUp,
    double LastPrice,
    double ForecastPrice,
    double ExpectedChangePercent,
    double Lower,
    double Upper,
    ForecastMeta Meta)
{
    /// <summary>Where <see cref="ProbabilityUp"/> comes from: <c>interval</c> (the calibrated interval, below) or <c>monteCarlo</c> (the share of paths ending above the last price, when the request asked for paths).</summary>
    public string ProbabilitySource { get; init; } = "interval";

    /// <summary>
    /// From the forecast's last step and its calibrated central interval at <see cref="ForecastMeta.IntervalLevel"/>:
    /// the step's error is taken as normal with the spread that gives the interval its level (a symmetric split-conformal
    /// interval says no more about the shape), so P(up) = Φ((forecast − last) / σ) with σ = half-width / z₍₁₊ₗ₎/₂.
    /// A zero-width interval (a model that never erred on its validation windows) gives 0, ½ or 1. When the forecast
    /// carries Monte Carlo paths, P(up) is instead the share of paths that end above the last price.
    /// </summary>
    public static TrendPrediction From(ForecastResponse forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var last = forecast.Forecast[^1];
        var halfWidth = last.Upper - last.Value;
        var change = last.Value - forecast.LastPrice;
        double up;
        if (halfWidth <= 0)
        {
            up = change > 0 ? 1 : change < 0 ? 0 : 0.5;
        }
        else if (forecast.MonteCarlo is { } paths)
        {
            up = paths.ProbabilityUp;
        }
        else
        {
            var sigma = halfWidth / MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (1 + forecast.Meta.IntervalLevel) / 2);
            up = MathNet.Numerics.Distributions.Normal.CDF(0, 1, change / sigma);
        }

        var direction = up >= 0.5 ? "up" : "down";
        return new TrendPrediction(forecast.Symbol, forecast.Interval, last.Step, direction, Math.Max(up, 1 - up), up,
            forecast.LastPrice, last.Value, 100 * change / forecast.LastPrice, last.Lower, last.Upper, forecast.Meta)
        {
            ProbabilitySource = forecast.MonteCarlo is null || halfWidth <= 0 ? "interval" : "monteCarlo",
        };
    }
}
