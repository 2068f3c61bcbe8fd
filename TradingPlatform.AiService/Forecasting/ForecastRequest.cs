namespace TradingPlatform.AiService.Forecasting;

/// <summary>
/// Seed 003's <c>POST /api/infer/forecast/nbeats</c>: a symbol and interval (their active model forecasts), the
/// history to forecast from (oldest first; the stored closes when absent) and how many steps (the model's horizon
/// when absent, at most that).
/// </summary>
public sealed record ForecastRequest(string? Symbol, string? Interval, IReadOnlyList<double>? History, int? Horizon);
