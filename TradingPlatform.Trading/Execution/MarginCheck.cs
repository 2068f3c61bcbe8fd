using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Execution;

/// <summary>
/// Free margin after an order fills part of its quantity now (at the worst price it can get) with the rest working.
/// Working orders reserve margin only for the exposure they would add to the position, so a fill changes what the
/// other orders on the symbol reserve; this recomputes them against the position the fill would leave. Free margin
/// is convex in the filled quantity, so checking "nothing fills" and "everything fills" covers every partial fill.
/// </summary>
internal static class MarginCheck
{
    /// <param name="excluding">A working order to leave out (the order itself when it is already in the book, or the one a modification replaces).</param>
    /// <param name="known">The caller's <see cref="MarginCalculator.Snapshot"/> leaving out <c>excluding ?? order</c>, if it has it.</param>
    public static decimal FreeMarginAfter(
        AccountBook book, IMarketView market, Instrument instrument, Order order, decimal filled, decimal restingAfter, Quote quote, Order? excluding,
        AccountSnapshot? known = null)
    {
        var skip = excluding ?? order;
        var snapshot = known ?? MarginCalculator.Snapshot(book, market, skip);
        var position = book.OpenPosition(order.Symbol);
        var before = position is null ? 0m : position.Quantity * position.Direction;
        var equity = snapshot.Equity;
        var used = snapshot.MarginUsed;

        if (filled > 0m)
        {
            var worst = WorstFillPrice(instrument, order, filled, quote);
            var reduce = before != 0m && Math.Sign(before) != order.Direction ? Math.Min(filled, Math.Abs(before)) : 0m;
            var increase = filled - reduce;
            equity -= ExecutionCosts.Commission(instrument, filled, worst);
            if (reduce > 0m)
            {
                // The closed part's P&L moves from the mark to the fill price; its margin is released.
                used -= position!.Margin * reduce / position.Quantity;
                equity -= order.Direction * (worst - position.MarkPrice(quote)) * reduce;
            }

            if (increase > 0m)
            {
                // The new part is marked at the other side of the book at once.
                used += increase * worst / order.Leverage;
                equity += order.Direction * ((order.Side == OrderSide.Buy ? quote.Bid : quote.Ask) - worst) * increase;
            }
        }

        var after = before + order.Direction * filled;
        // The position the fill would leave, as its direction (0: none) and quantity: all a reservation reads of it.
        var (direction, held) = after == 0m ? (0, 0m) : (after > 0 ? 1 : -1, Math.Abs(after));
        var reserved = 0m;
        var working = book.WorkingOrders;
        for (var i = 0; i < working.Count; i++)
        {
            var o = working[i];
            if (o == skip)
            {
                continue;
            }

            if (Symbol.Same(o.Symbol, order.Symbol))
            {
                reserved += MarginCalculator.Reserved(o, o.RemainingQuantity, direction, held, market);
            }
            else
            {
                reserved += MarginCalculator.Reserved(o, o.RemainingQuantity, book.OpenPosition(o.Symbol), market);
            }
        }

        reserved += MarginCalculator.Reserved(order, restingAfter, direction, held, market);
        return equity - used - reserved;
    }

    /// <summary>The worst price a fill of this size can get now: the largest slippage, capped by a limit.</summary>
    private static decimal WorstFillPrice(Instrument instrument, Order order, decimal quantity, Quote quote)
    {
        var touch = order.Side == OrderSide.Buy ? quote.Ask : quote.Bid;
        var worst = ExecutionCosts.MarketFillPrice(instrument, order.Side, touch, ExecutionCosts.WorstSlippageFraction(instrument, quantity));
        return order.Type is OrderType.Limit or OrderType.StopLimit && order.Price is { } limit
            ? order.Side == OrderSide.Buy ? Math.Min(worst, limit) : Math.Max(worst, limit)
            : worst;
    }
}
