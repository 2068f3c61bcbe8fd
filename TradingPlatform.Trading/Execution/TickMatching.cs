using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Events;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Trading.Execution;

/// <summary>
/// Tick matching: what one tick does to an account's working orders. DAY orders past their session expire; then, oldest
/// order first, trailing stops follow the price, stops the tick reaches trigger, and what the tick reaches fills
/// against the quantity it shows (shared by the orders it fills, so later orders may get a part or nothing).
/// </summary>
internal static class TickMatching
{
    public static void Match(AccountBook book, Instrument instrument, Quote quote, IMarketView market, DateTimeOffset now)
    {
        ExpireOrders(book, now);
        if (WorkingOrdersOf(book, instrument.Symbol) is { } working)
        {
            FillWorkingOrders(book, working, instrument, quote, market, now);
        }

        book.PruneWorkingOrders();
    }

    /// <summary>Working DAY orders whose session has ended expire.</summary>
    public static void ExpireOrders(AccountBook book, DateTimeOffset now)
    {
        // Runs on every tick: the common case, nothing expiring, allocates nothing.
        List<Order>? expired = null;
        var working = book.WorkingOrders;
        for (var i = 0; i < working.Count; i++)
        {
            var order = working[i];
            if (order.ExpiresAt <= now)
            {
                (expired ??= []).Add(order);
            }
        }

        if (expired is not null)
        {
            foreach (var order in expired)
            {
                order.MoveTo(OrderStatus.Expired, now, "DAY order: the trading session ended");
                book.Events.Add(new OrderUpdated(order, now));
            }
        }

        book.PruneWorkingOrders();
    }

    /// <summary>The symbol's working orders at this moment (a copy: filling them changes the book's list), or null when there are none.</summary>
    private static List<Order>? WorkingOrdersOf(AccountBook book, string symbol)
    {
        List<Order>? orders = null;
        var working = book.WorkingOrders;
        for (var i = 0; i < working.Count; i++)
        {
            var order = working[i];
            if (Symbol.Same(order.Symbol, symbol))
            {
                (orders ??= []).Add(order);
            }
        }

        return orders;
    }

    private static void FillWorkingOrders(AccountBook book, List<Order> orders, Instrument instrument, Quote quote, IMarketView market, DateTimeOffset now)
    {
        var liquidity = new TickLiquidity(quote);
        foreach (var order in orders)
        {
            StopTriggers.Follow(instrument, order, quote);
            StopTriggers.TriggerIfReached(order, quote);
            if (OrderMarketability.IsExecutable(order, quote))
            {
                OrderExecution.Execute(book, order, instrument, quote, market, liquidity, atPlacement: false, now);
            }
            else if (order.Triggered && order.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok)
            {
                // An IOC/FOK stop-limit whose limit is out of reach at the moment it triggers cannot fill "at once".
                order.MoveTo(OrderStatus.Cancelled, now, $"{order.TimeInForce.ToString().ToUpperInvariant()}: the limit was not reachable when the stop triggered");
                book.Events.Add(new OrderUpdated(order, now));
            }
        }
    }
}
