namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// Risk of a long position held from the last price to the horizon, on the simple return R = S_H / S₀ − 1 over the N
/// paths, sorted ascending as R₍₁₎ ≤ … ≤ R₍N₎. For a level α and k = ⌈N(1 − α)⌉: VaR_α = −R₍k₎ (a loss is positive)
/// and ES_α = −(R₍₁₎ + … + R₍k₎) / k, the mean of the k worst returns, so ES_α ≥ VaR_α.
/// </summary>
public sealed record MonteCarloRisk(double ValueAtRisk95, double ExpectedShortfall95, double ValueAtRisk99, double ExpectedShortfall99);
