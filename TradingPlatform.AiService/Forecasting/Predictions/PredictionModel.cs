namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>The model that made a prediction.</summary>
public sealed record PredictionModel(Guid Id, string Name, int Version);
