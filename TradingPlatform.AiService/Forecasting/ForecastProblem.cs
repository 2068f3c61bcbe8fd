namespace TradingPlatform.AiService.Forecasting;

/// <summary>Why a forecast cannot be made: the HTTP status, the field at fault (if one) and a message that says what to do.</summary>
public sealed record ForecastProblem(int Status, string? Field, string Message);
