using System.Collections.Frozen;
using System.Linq.Expressions;
using TradingPlatform.Trading.Common;

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

    /// <summary><see cref="IsWorking"/> as an expression, for queries (the tick pre-filter); a test keeps the two the same.</summary>
    public static Expression<Func<OrderStatus, bool>> IsWorkingRule { get; } = status => status == OrderStatus.Open || status == OrderStatus.PartiallyFilled;

    /// <summary>
    /// <see cref="IsWorkingRule"/> over an order, for <c>Where</c> on the orders table (declared after it: static
    /// initialisers run in order).
    /// </summary>
    public static Expression<Func<Order, bool>> IsWorkingOrder { get; } =
        ExpressionInlining.Expand<Func<Order, bool>>(order => IsWorkingRule.Inline(order.Status));

    /// <summary>Only a working order's terms (quantity, prices, bracket) can be changed by the client.</summary>
    public static bool CanModify(OrderStatus status) => IsWorking(status);

    /// <summary>
    /// A stop triggers, and a trailing stop trails, while the order is being accepted (Pending: a trailing stop takes
    /// its first anchor then) or works; a final order keeps its last figures.
    /// </summary>
    public static bool CanTrigger(OrderStatus status) => !IsFinal(status);

    public static IReadOnlyCollection<OrderStatus> From(OrderStatus status) => Allowed[status];
}
