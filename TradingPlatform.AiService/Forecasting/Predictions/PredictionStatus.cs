namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>
/// A prediction's scoring state: <see cref="Pending"/> until its horizon has passed and its realised candles are read;
/// then <see cref="Scored"/>, or <see cref="Unscorable"/> when some realised candles were still missing after the grace
/// period (the gap is reported, never filled). Scored and unscorable are final.
/// </summary>
public enum PredictionStatus
{
    Pending,
    Scored,
    Unscorable,
}
