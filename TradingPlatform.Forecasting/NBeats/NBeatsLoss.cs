namespace TradingPlatform.Forecasting.NBeats;

/// <summary>The training loss over the normalized forecast, averaged over the samples of a batch and the horizon.</summary>
public enum NBeatsLoss
{
    /// <summary>Mean squared error: mean of (ŷ − y)²; its gradient is 2(ŷ − y) / (batch · horizon).</summary>
    MeanSquaredError,

    /// <summary>Mean absolute error: mean of |ŷ − y|; its gradient is sign(ŷ − y) / (batch · horizon), 0 at ŷ = y.</summary>
    MeanAbsoluteError,
}
