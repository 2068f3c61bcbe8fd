namespace TradingPlatform.AiService.Forecasting;

/// <summary>The model (id, name, version), its lookback and horizon, the interval's nominal coverage and the provider it ran on.</summary>
public sealed record ForecastMeta(Guid ModelId, string Model, int Version, int Lookback, int Horizon, double IntervalLevel, string ExecutionProvider);
