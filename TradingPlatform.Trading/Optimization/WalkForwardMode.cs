namespace TradingPlatform.Trading.Optimization;

/// <summary>How a walk-forward's in-sample window moves.</summary>
public enum WalkForwardMode
{
    /// <summary>A fixed-length in-sample window that slides forward by the out-of-sample length.</summary>
    Rolling,

    /// <summary>An in-sample window that always starts at the first bar and grows by the out-of-sample length.</summary>
    Anchored,
}
