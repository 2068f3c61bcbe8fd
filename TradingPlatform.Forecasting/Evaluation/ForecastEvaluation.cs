namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// A model's report card on the held-out windows: its point metrics and the baselines' (random walk, seasonal naive,
/// drift) on the same windows, its conformal intervals (calibrated on the validation windows) and their coverage
/// out of sample, the Diebold–Mariano comparison with the random walk at the full horizon, and the activation decision.
/// <see cref="SeasonalNaiveSeason"/> is the seasonal naive's m (MASE's own season is in each <see cref="PointMetrics"/>).
/// </summary>
public sealed record ForecastEvaluation(
    PointMetrics Model,
    PointMetrics RandomWalk,
    PointMetrics SeasonalNaive,
    int SeasonalNaiveSeason,
    PointMetrics Drift,
    ConformalIntervals Intervals,
    IntervalCoverage Coverage,
    DieboldMarianoResult DieboldMariano,
    ActivationDecision Decision);
