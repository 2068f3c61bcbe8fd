using TradingPlatform.Trading.Infrastructure;
using TradingPlatform.Api.Trading;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Api.Orders;

/// <summary>An order as seed 001 lists it, with its execution state and the reason for its last status.</summary>
public sealed record OrderResponse(
    Guid Id,
    Guid AccountId,
    string? ClientOrderId,
    string Symbol,
    string Type,
    string Side,
    decimal Quantity,
    decimal? Price,
    decimal? StopPrice,
    decimal? TrailAmount,
    decimal? TrailPercent,
    string TimeInForce,
    int Leverage,
    decimal? StopLoss,
    decimal? TakeProfit,
    string Status,
    string? StatusReason,
    decimal FilledQuantity,
    decimal RemainingQuantity,
    decimal? AveragePrice,
    decimal Commission,
    string Origin,
    Guid? StrategyId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FilledAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? ExpiresAt)
{
    public static OrderResponse From(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderResponse(
            order.Id.Value, order.AccountId.Value, order.ClientOrderId?.Value, order.Symbol, WireNames.Snake(order.Type), WireNames.Snake(order.Side),
            order.Quantity, order.Price, order.StopPrice, order.TrailAmount, order.TrailPercent, order.TimeInForce.ToString().ToUpperInvariant(),
            order.Leverage, order.StopLoss, order.TakeProfit, WireNames.Snake(order.Status), order.StatusReason, order.FilledQuantity,
            order.RemainingQuantity, order.AveragePrice, order.Commission, WireNames.Snake(order.Origin), order.StrategyId?.Value,
            order.CreatedAt, order.UpdatedAt, order.FilledAt, order.CancelledAt, order.ExpiresAt);
    }
}
