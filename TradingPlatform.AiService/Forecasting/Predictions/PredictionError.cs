namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>
/// A scored prediction's realised error: MAE, sMAPE (percent), how many realised points fell inside their interval and
/// that share (<see cref="Coverage"/>), and for a trend whether the direction was right (null when the price did not move).
/// </summary>
public sealed record PredictionError(double Mae, double Smape, int PointsInside, double Coverage, bool? DirectionHit);
