namespace TradingPlatform.Trading.Signals;

/// <summary>What produced a signal.</summary>
public enum SignalSourceKind
{
    /// <summary>A user's strategy; <see cref="Signal.StrategyId"/> names it.</summary>
    Strategy,

    /// <summary>The AI service (forecasts, sentiment).</summary>
    Ai,

    /// <summary>Entered by a person (an admin) over the API.</summary>
    Manual,

    /// <summary>Another platform component (a scanner, a rule).</summary>
    Internal,
}
