using System.Text.Json;
using TradingPlatform.AiService.Data;

namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>
/// One served prediction as <c>GET /api/predictions</c> lists it: what was predicted, from which anchor, by which
/// model; <see cref="Status"/> (<c>pending</c>, <c>scored</c>, <c>unscorable</c>); once scored the realised closes and
/// <see cref="Error"/>; when unscorable the steps whose candle was missing.
/// </summary>
public sealed record PredictionResponse(
    Guid Id,
    string Kind,
    string Symbol,
    string Interval,
    PredictionModel Model,
    DateTimeOffset IssuedAt,
    DateTimeOffset? AnchorTime,
    double AnchorPrice,
    int Horizon,
    double IntervalLevel,
    IReadOnlyList<ForecastPoint> Forecast,
    PredictionTrend? Trend,
    string Status,
    DateTimeOffset DueAt,
    DateTimeOffset? ScoredAt,
    IReadOnlyList<RealisedPoint>? Realised,
    PredictionError? Error,
    IReadOnlyList<int>? MissingSteps)
{
    public static PredictionResponse From(Prediction p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new PredictionResponse(p.Id.Value, Lower(p.Kind), p.Symbol, p.Interval, new PredictionModel(p.ModelId, p.ModelName, p.ModelVersion),
            p.IssuedAt, p.AnchorTime, p.AnchorPrice, p.Horizon, p.IntervalLevel,
            JsonSerializer.Deserialize<List<ForecastPoint>>(p.Points, AiJson.Options) ?? [],
            p is { Direction: { } direction, Probability: { } probability } ? new PredictionTrend(direction, probability) : null,
            Lower(p.Status), p.DueAt, p.ScoredAt,
            p.Realised is null ? null : JsonSerializer.Deserialize<List<RealisedPoint>>(p.Realised, AiJson.Options),
            p is { Mae: { } mae, Smape: { } smape, PointsInside: { } inside }
                ? new PredictionError(mae, smape, inside, (double)inside / p.Horizon, p.DirectionHit) : null,
            p.MissingSteps is null ? null : JsonSerializer.Deserialize<List<int>>(p.MissingSteps, AiJson.Options));
    }

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
