namespace TradingPlatform.AiService.Forecasting;

/// <summary>
/// One trained forecasting model in the registry (<c>ai.forecast_models</c>): what it forecasts (symbol, interval,
/// lookback, horizon), how it was made (stack type, hyper-parameters, the data range it saw, its training run), how it
/// scored on held-out data, the ONNX file itself with its SHA-256, and whether it is the one serving its symbol and
/// interval. A model is never changed after it is stored, except its active flag.
/// </summary>
public sealed class ForecastModel
{
    public required Guid Id { get; init; }

    /// <summary>The registry name, <c>nbeats-{symbol}-{interval}</c>; versions count up per name from 1.</summary>
    public required string Name { get; init; }

    public required int Version { get; init; }

    public required string Symbol { get; init; }

    public required string Interval { get; init; }

    public required int Lookback { get; init; }

    public required int Horizon { get; init; }

    public required string StackType { get; init; }

    /// <summary>The network and training options as JSON.</summary>
    public required string HyperParameters { get; init; }

    public required DateTimeOffset DataStart { get; init; }

    public required DateTimeOffset DataEnd { get; init; }

    /// <summary>The held-out evaluation as JSON (the model's and the baselines' metrics, interval coverage, the test, the decision).</summary>
    public required string Metrics { get; init; }

    /// <summary>The relative half-widths of the calibrated prediction interval per step, as JSON, for serving intervals.</summary>
    public required string IntervalHalfWidths { get; init; }

    /// <summary>The interval's nominal coverage (0.8 for an 80 % interval).</summary>
    public required double IntervalLevel { get; init; }

    public required byte[] Onnx { get; init; }

    /// <summary>SHA-256 of <see cref="Onnx"/>, lower-case hex.</summary>
    public required string FileHash { get; init; }

    public required Guid TrainingRunId { get; init; }

    public bool IsActive { get; set; }

    /// <summary>Why the evaluation activated it or not (or that an admin forced it).</summary>
    public required string Decision { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ActivatedAt { get; set; }
}
