namespace TradingPlatform.AiService.Forecasting.MonteCarlo;

/// <summary>
/// The optional <c>monteCarlo</c> member of a forecast request: how many paths (1,000 … 1,000,000; 10,000 when
/// absent), the generator's seed (the same seed gives the same answer; 42 when absent), extra quantile levels in
/// (0, 1) to report per step (the model's interval bounds and the median are always reported), and optional
/// stop-loss (below the last price) and take-profit (above it) levels whose touch probabilities are wanted.
/// </summary>
public sealed record ForecastMonteCarloRequest(int? Paths, ulong? Seed, IReadOnlyList<double>? Levels, double? StopLoss, double? TakeProfit)
{
    public const int DefaultPaths = 10_000;
    public const int MinPaths = 1_000;
    public const int MaxPaths = 1_000_000;
    public const ulong DefaultSeed = 42;
    public const int MaxLevels = 20;
}
