namespace TradingPlatform.AiService.Forecasting;

/// <summary>One step ahead: the point forecast and the bounds of its calibrated interval.</summary>
public sealed record ForecastPoint(int Step, double Value, double Lower, double Upper);
