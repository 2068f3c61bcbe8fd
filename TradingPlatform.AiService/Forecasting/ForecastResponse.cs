namespace TradingPlatform.AiService.Forecasting;

/// <summary>A forecast: one point per step with its calibrated interval, and what made it.</summary>
public sealed record ForecastResponse(string Symbol, string Interval, double LastPrice, IReadOnlyList<ForecastPoint> Forecast, ForecastMeta Meta);
