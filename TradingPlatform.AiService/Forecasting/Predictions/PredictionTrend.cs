namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>A trend prediction's direction (<c>up</c> or <c>down</c>) and its probability.</summary>
public sealed record PredictionTrend(string Direction, double Probability);
