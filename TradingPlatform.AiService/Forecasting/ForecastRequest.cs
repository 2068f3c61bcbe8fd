using TradingPlatform.AiService.Forecasting.MonteCarlo;

namespace TradingPlatform.AiService.Forecasting;

/// <summary>
/// Seed 003's <c>POST /api/infer/forecast/nbeats</c>: a symbol and interval (their active model forecasts), the
/// history to forecast from (oldest first; the stored closes when absent) and how many steps (the model's horizon
/// when absent, at most that). The optional <see cref="MonteCarlo"/> adds Monte Carlo paths around the forecast to the
/// answer (its <c>monteCarlo</c> block: per-step quantiles, P(up), VaR and expected shortfall, barrier touches).
/// </summary>
public sealed record ForecastRequest(string? Symbol, string? Interval, IReadOnlyList<double>? History, int? Horizon, ForecastMonteCarloRequest? MonteCarlo = null);
