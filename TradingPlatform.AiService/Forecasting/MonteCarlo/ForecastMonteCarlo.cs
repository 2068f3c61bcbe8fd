using TradingPlatform.Forecasting.Gpu;

namespace TradingPlatform.AiService.Forecasting.MonteCarlo;

/// <summary>
/// The <c>monteCarlo</c> block of a forecast answer: the paths simulated around the point forecast and what they give.
/// <see cref="StepVolatility"/> is σ per step, from the model's calibrated interval (<see cref="MonteCarloVolatility"/>).
/// Per step the quantiles at <see cref="Levels"/>, the mean and P(price above the last price); at the horizon P(up),
/// P(down), VaR and expected shortfall of a long position at 95 % and 99 % (losses as positive fractions of the last
/// price), and the stop-loss / take-profit touch probabilities when asked for (monitored at the steps only).
/// </summary>
public sealed record ForecastMonteCarlo(
    int Paths,
    ulong Seed,
    string Backend,
    string Device,
    double StepVolatility,
    IReadOnlyList<double> Levels,
    IReadOnlyList<MonteCarloStep> Steps,
    double ProbabilityUp,
    double ProbabilityDown,
    MonteCarloRisk Risk,
    MonteCarloBarriers? Barriers);
