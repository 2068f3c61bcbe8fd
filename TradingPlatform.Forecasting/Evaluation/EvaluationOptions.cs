namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>How <see cref="ForecastEvaluator"/> scores a model. Every property is checked when it is set.</summary>
public sealed record EvaluationOptions
{
    /// <summary>α of the conformal intervals: 0.2 (the default) gives 80 % intervals.</summary>
    public double Alpha { get; init => field = EvaluationChecks.Alpha(value, nameof(Alpha)); } = 0.2;

    /// <summary>The season m of the seasonal naive baseline (e.g. the bars in a trading day).</summary>
    public required int Season { get; init => field = EvaluationChecks.Season(value, nameof(Season)); }

    /// <summary>MASE's season: 1 (the default) scales by the random walk's in-sample error.</summary>
    public int MaseSeason { get; init => field = EvaluationChecks.Season(value, nameof(MaseSeason)); } = 1;

    /// <summary>The Diebold–Mariano loss.</summary>
    public DieboldMarianoLoss Loss
    {
        get;
        init => field = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Loss), value, $"{nameof(Loss)} {value} is not a Diebold–Mariano loss.");
    } = DieboldMarianoLoss.SquaredError;
}
