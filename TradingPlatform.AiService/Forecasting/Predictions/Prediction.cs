namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>
/// A forecast the AiService served to a user (<c>ai.predictions</c>): who asked, what model made it from which anchor
/// (the last price the forecast starts from, and the open time of that candle when it is known), the predicted points
/// with their interval bounds (a trend adds its direction and probability), and, once its horizon has passed, what
/// happened and how far off it was.
/// </summary>
public sealed class Prediction
{
    public required PredictionId Id { get; init; }

    /// <summary>The caller's <c>sub</c> claim; only they list it.</summary>
    public required string UserId { get; init; }

    public required PredictionKind Kind { get; init; }

    public required string Symbol { get; init; }

    public required string Interval { get; init; }

    public required Guid ModelId { get; init; }

    public required string ModelName { get; init; }

    public required int ModelVersion { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>
    /// The open time of the candle whose close is <see cref="AnchorPrice"/>: known when the forecast read the stored
    /// closes; for a history the caller sent it is null until the scorer takes the latest candle stored at
    /// <see cref="IssuedAt"/> (a given history is taken to end at the market's latest bar).
    /// </summary>
    public DateTimeOffset? AnchorTime { get; set; }

    public required double AnchorPrice { get; init; }

    public required int Horizon { get; init; }

    /// <summary>The interval's nominal coverage (0.8 for an 80 % interval).</summary>
    public required double IntervalLevel { get; init; }

    /// <summary>The predicted points (<see cref="ForecastPoint"/>s) as JSON.</summary>
    public required string Points { get; init; }

    /// <summary>A trend's direction (<c>up</c> or <c>down</c>); null for a forecast.</summary>
    public string? Direction { get; init; }

    /// <summary>A trend's probability of <see cref="Direction"/>; null for a forecast.</summary>
    public double? Probability { get; init; }

    /// <summary>When the last predicted candle has closed: anchor + (horizon + 1) intervals (issued-at in place of the anchor while it is unknown).</summary>
    public DateTimeOffset DueAt { get; set; }

    public PredictionStatus Status { get; set; }

    public DateTimeOffset? ScoredAt { get; set; }

    /// <summary>The realised points (<see cref="RealisedPoint"/>s) as JSON, once scored.</summary>
    public string? Realised { get; set; }

    /// <summary>The steps whose candle was missing (JSON array of step numbers), when unscorable.</summary>
    public string? MissingSteps { get; set; }

    public double? Mae { get; set; }

    /// <summary>sMAPE in percent (0 to 200).</summary>
    public double? Smape { get; set; }

    /// <summary>How many realised points fell inside their interval (of <see cref="Horizon"/>).</summary>
    public int? PointsInside { get; set; }

    /// <summary>For a trend: whether the last realised close moved from the anchor in the predicted direction (null when it did not move).</summary>
    public bool? DirectionHit { get; set; }
}
