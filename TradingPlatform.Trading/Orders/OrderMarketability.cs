using System.Linq.Expressions;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Orders;

/// <summary>
/// When a quote reaches a working order, written once as expressions over the order and the quote's bid, ask and
/// time: compiled here for the simulator, and translated to SQL by the tick processor's pre-filter, which must find
/// every account a tick changes and so must agree with the simulator exactly.
/// </summary>
public static class OrderMarketability
{
    /// <summary>The stop is reached: a buy stop at or below the ask, a sell stop at or above the bid.</summary>
    public static Expression<Func<Order, decimal, decimal, bool>> StopReachedRule { get; } = (order, bid, ask) =>
        (order.Side == OrderSide.Buy && order.StopPrice <= ask) || (order.Side == OrderSide.Sell && order.StopPrice >= bid);

    /// <summary>
    /// The price is reached once nothing waits for a trigger: a buy limit at or above the ask, a sell limit at or below
    /// the bid; an order without a limit (market, stop, trailing stop) takes any price.
    /// </summary>
    public static Expression<Func<Order, decimal, decimal, bool>> PriceReachedRule { get; } = (order, bid, ask) =>
        (order.Type != OrderType.Limit && order.Type != OrderType.StopLimit)
        || (order.Side == OrderSide.Buy && order.Price >= ask) || (order.Side == OrderSide.Sell && order.Price <= bid);

    /// <summary>A stop, stop-limit or trailing stop that has not triggered (the same as <see cref="Order.AwaitsTrigger"/>).</summary>
    public static Expression<Func<Order, bool>> AwaitsTriggerRule { get; } = order =>
        (order.Type == OrderType.Stop || order.Type == OrderType.StopLimit || order.Type == OrderType.TrailingStop) && !order.Triggered;

    /// <summary>A waiting trailing stop whose anchor the quote improves (the bid rises above a sell's, the ask falls below a buy's): its stop moves.</summary>
    public static Expression<Func<Order, decimal, decimal, bool>> TrailMovesRule { get; } = (order, bid, ask) =>
        order.Type == OrderType.TrailingStop && !order.Triggered && (order.TrailAnchor == null
            || (order.Side == OrderSide.Sell && bid > order.TrailAnchor) || (order.Side == OrderSide.Buy && ask < order.TrailAnchor));

    /// <summary>
    /// Whether a tick at <c>(bid, ask, at)</c> changes a working order in any way the simulator acts on: a DAY order
    /// past its session expires; a waiting stop triggers, or a trailing stop trails; an order with nothing to wait for
    /// fills once its price is reached; a triggered IOC/FOK stop-limit out of reach is cancelled.
    /// </summary>
    public static Expression<Func<Order, decimal, decimal, DateTimeOffset, bool>> AffectedRule { get; } = ExpressionInlining.Expand<Func<Order, decimal, decimal, DateTimeOffset, bool>>(
        (order, bid, ask, at) => OrderStatusTransitions.IsWorkingRule.Inline(order.Status) && (
            order.ExpiresAt <= at
            || (order.Triggered && (order.TimeInForce == TimeInForce.Ioc || order.TimeInForce == TimeInForce.Fok))
            || (AwaitsTriggerRule.Inline(order) && (StopReachedRule.Inline(order, bid, ask) || TrailMovesRule.Inline(order, bid, ask)))
            || (!AwaitsTriggerRule.Inline(order) && PriceReachedRule.Inline(order, bid, ask))));

    private static readonly Func<Order, decimal, decimal, bool> StopReachedCompiled = StopReachedRule.Compile();
    private static readonly Func<Order, decimal, decimal, bool> PriceReachedCompiled = PriceReachedRule.Compile();
    private static readonly Func<Order, decimal, decimal, DateTimeOffset, bool> AffectedCompiled = AffectedRule.Compile();

    /// <summary>Whether the quote reaches the order's stop (whether or not it still waits for it).</summary>
    public static bool StopReached(Order order, Quote quote)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(quote);
        return StopReachedCompiled(order, quote.Bid, quote.Ask);
    }

    /// <summary>Whether the quote reaches the order's limit (true for an order without one).</summary>
    public static bool PriceReached(Order order, Quote quote)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(quote);
        return PriceReachedCompiled(order, quote.Bid, quote.Ask);
    }

    /// <summary>
    /// Whether the order fills against this quote now: nothing to wait for, and the price reached. A pure check: a stop
    /// the quote reaches is triggered by the tick path first (<c>Order.Trigger</c>), not here.
    /// </summary>
    public static bool IsExecutable(Order order, Quote quote)
    {
        ArgumentNullException.ThrowIfNull(order);
        return !order.AwaitsTrigger && PriceReached(order, quote);
    }

    /// <summary>The in-memory form of <see cref="AffectedRule"/>.</summary>
    public static bool IsAffected(Order order, decimal bid, decimal ask, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(order);
        return AffectedCompiled(order, bid, ask, at);
    }

    /// <summary>
    /// <see cref="AffectedRule"/> for one tick, as a predicate a query provider translates: the figures are read from
    /// an object's properties, so they become query parameters (one cached query plan), not literals.
    /// </summary>
    public static Expression<Func<Order, bool>> AffectedBy(decimal bid, decimal ask, DateTimeOffset at)
    {
        var figures = Expression.Constant(new TickFigures(bid, ask, at));
        var order = Expression.Parameter(typeof(Order), "order");
        var body = ExpressionInlining.Apply(AffectedRule, order,
            Expression.Property(figures, nameof(TickFigures.Bid)), Expression.Property(figures, nameof(TickFigures.Ask)),
            Expression.Property(figures, nameof(TickFigures.At)));
        return Expression.Lambda<Func<Order, bool>>(body, order);
    }

    /// <summary>The tick's figures, held where a query provider reads them as parameters.</summary>
    private sealed record TickFigures(decimal Bid, decimal Ask, DateTimeOffset At);
}
