namespace TradingPlatform.Trading.Common;

/// <summary>Why the trading domain refused something; the Api maps each kind to a status and error code.</summary>
public enum TradingErrorKind
{
    /// <summary>A field is wrong (off tick, off lot, out of range, missing): 422 VALIDATION_ERROR.</summary>
    Validation,

    /// <summary>The instrument's market is closed: MARKET_CLOSED_ERROR.</summary>
    MarketClosed,

    /// <summary>Not enough free margin or cash: INSUFFICIENT_BALANCE_ERROR.</summary>
    InsufficientBalance,

    /// <summary>A trading rule refuses it (daily loss limit, inactive instrument): TRADING_ERROR.</summary>
    Rejected,

    /// <summary>The target is in a state that forbids it (modifying a filled order): 409 CONFLICT_ERROR.</summary>
    Conflict,

    /// <summary>There is no price for the instrument yet: 503.</summary>
    NoPrice,

    /// <summary>The target does not exist, or is not the caller's (the same answer, so ids cannot be probed): 404.</summary>
    NotFound,
}
