namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>Which endpoint served the prediction: a forecast (single or batch) or a trend (<c>/api/predict-trend</c>).</summary>
public enum PredictionKind
{
    Forecast,
    Trend,
}
