namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>One step's realised close (the candle that opened <see cref="Step"/> intervals after the anchor) and whether it fell inside the predicted interval.</summary>
public sealed record RealisedPoint(int Step, DateTimeOffset Time, double Close, bool Inside);
