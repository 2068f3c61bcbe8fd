namespace TradingPlatform.Trading.Orders;

/// <summary>An order's state; every change goes through <see cref="OrderStatusTransitions"/>.</summary>
public enum OrderStatus
{
    Pending,
    Open,
    PartiallyFilled,
    Filled,
    Cancelled,
    Rejected,
    Expired,
}
