namespace TradingPlatform.AiService.Forecasting;

/// <summary>One item of a batch: its forecast, or why there is none (the other items are unaffected).</summary>
public sealed record ForecastBatchItem(ForecastResponse? Forecast, ForecastProblem? Error);
