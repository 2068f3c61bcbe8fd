namespace TradingPlatform.AiService.Forecasting;

/// <summary>Many series in one call; each item as <see cref="ForecastRequest"/>; at most <see cref="ForecastService.MaxBatch"/>.</summary>
public sealed record ForecastBatchRequest(IReadOnlyList<ForecastRequest>? Items);
