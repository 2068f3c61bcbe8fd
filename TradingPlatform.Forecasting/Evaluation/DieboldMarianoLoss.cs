namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>The loss L(e) of a forecast error e = y − ŷ that the Diebold–Mariano test compares.</summary>
public enum DieboldMarianoLoss
{
    /// <summary>L(e) = e².</summary>
    SquaredError,

    /// <summary>L(e) = |e|.</summary>
    AbsoluteError,
}
