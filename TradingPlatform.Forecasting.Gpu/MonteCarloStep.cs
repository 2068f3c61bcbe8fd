namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// One step's distribution over the paths: the quantiles at the request's levels (in their order; linear
/// interpolation between order statistics, position (N − 1)·p, as R's type 7 and NumPy's default), the mean price
/// and the share of paths whose price is strictly above the last price.
/// </summary>
public sealed record MonteCarloStep(int Step, IReadOnlyList<double> Quantiles, double Mean, double ProbabilityAbove);
