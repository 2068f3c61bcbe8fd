using TradingPlatform.Trading.Infrastructure;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Api.Positions;

/// <summary>
/// A position with seed 000's fields (tradeType LONG/SHORT, entry and current price, unrealized P&amp;L and percent,
/// leverage, stop-loss, take-profit, liquidation price, margin, entry time) and seed 001's (averagePrice,
/// marginUsed, realizedPnL). <c>side</c> is a deprecated alias of <c>tradeType</c> (seed 000 MEDIUM-06).
/// </summary>
public sealed record PositionResponse(
    Guid Id,
    Guid AccountId,
    string Symbol,
    string TradeType,
    [property: Obsolete("Use tradeType; side is kept for older clients.")] string Side,
    decimal Quantity,
    decimal EntryPrice,
    decimal AveragePrice,
    decimal? CurrentPrice,
    decimal UnrealizedPnl,
    decimal UnrealizedPnlPercent,
    decimal RealizedPnl,
    decimal Leverage,
    decimal? StopLoss,
    decimal? TakeProfit,
    decimal? LiquidationPrice,
    decimal Margin,
    decimal MarginUsed,
    long EntryTime,
    string Status,
    string? CloseReason,
    decimal? ClosePrice,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt)
{
    public static PositionResponse From(Position position, Quote? quote)
    {
        ArgumentNullException.ThrowIfNull(position);
        var tradeType = position.Side.ToString().ToUpperInvariant();
        var (current, unrealized, percent) = PositionValuation.Of(position, quote);
        return new PositionResponse(
            position.Id.Value, position.AccountId.Value, position.Symbol, tradeType, tradeType, position.Quantity, position.EntryPrice,
            position.EntryPrice, current, unrealized, percent, position.RealizedPnl, position.Leverage, position.StopLoss, position.TakeProfit,
            position.IsOpen ? position.LiquidationPrice : null, position.Margin, position.Margin, position.OpenedAt.ToUnixTimeMilliseconds(),
            position.IsOpen ? "open" : "closed", WireNames.Snake(position.CloseReason), position.IsOpen ? null : position.ClosePrice,
            position.OpenedAt, position.UpdatedAt, position.ClosedAt);
    }
}
