using System.Collections.Frozen;

namespace TradingPlatform.Trading.Orders;

/// <summary>
/// The only moves an order's status may make. Pending is the state of an order being accepted; it leaves it within
/// the same transaction. Filled, Cancelled, Rejected and Expired are final. PartiallyFilled → PartiallyFilled records
/// a further partial fill.
/// </summary>
public static class OrderStatusTransitions
{
    private static readonly FrozenDictionary<OrderStatus, OrderStatus[]> Allowed = new Dictionary<OrderStatus, OrderStatus[]>
    {
        [OrderStatus.Pending] = [OrderStatus.Open, OrderStatus.PartiallyFilled, OrderStatus.Filled, OrderStatus.Cancelled, OrderStatus.Rejected, OrderStatus.Expired],
        [OrderStatus.Open] = [OrderStatus.PartiallyFilled, OrderStatus.Filled, OrderStatus.Cancelled, OrderStatus.Rejected, OrderStatus.Expired],
        [OrderStatus.PartiallyFilled] = [OrderStatus.PartiallyFilled, OrderStatus.Filled, OrderStatus.Cancelled, OrderStatus.Expired],
        [OrderStatus.Filled] = [],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Rejected] = [],
        [OrderStatus.Expired] = [],
    }.ToFrozenDictionary();

    public static bool CanMove(OrderStatus from, OrderStatus to) => Allowed[from].Contains(to);

    public static bool IsFinal(OrderStatus status) => Allowed[status].Length == 0;

    /// <summary>Working orders can still fill, be modified or be cancelled.</summary>
    public static bool IsWorking(OrderStatus status) => status is OrderStatus.Open or OrderStatus.PartiallyFilled;

    public static IReadOnlyCollection<OrderStatus> From(OrderStatus status) => Allowed[status];
}
