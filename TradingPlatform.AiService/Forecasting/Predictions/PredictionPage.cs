namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>
/// A page of the caller's predictions (seed 003's append-only stream shape): newest first, <see cref="NextCursor"/>
/// opaque and null on the last page, <see cref="Total"/> counting every prediction matching the filters.
/// </summary>
public sealed record PredictionPage(IReadOnlyList<PredictionResponse> Data, string? NextCursor, long Total);
