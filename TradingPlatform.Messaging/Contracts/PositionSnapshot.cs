namespace TradingPlatform.Messaging.Contracts;

/// <summary>
/// A position with seed 000's fields (id, symbol, side LONG/SHORT, quantity, entry and current price, unrealized P&amp;L
/// and percent, leverage, stop-loss, take-profit, liquidation price, margin, entry time in Unix milliseconds) plus the
/// account, realized P&amp;L and status.
/// </summary>
public sealed record PositionSnapshot(
    Guid Id,
    Guid AccountId,
    string Symbol,
    string Side,
    decimal Quantity,
    decimal EntryPrice,
    decimal? CurrentPrice,
    decimal UnrealizedPnl,
    decimal UnrealizedPnlPercent,
    decimal Leverage,
    decimal? StopLoss,
    decimal? TakeProfit,
    decimal? LiquidationPrice,
    decimal Margin,
    long EntryTime,
    decimal RealizedPnl,
    string Status,
    DateTimeOffset UpdatedAt);
