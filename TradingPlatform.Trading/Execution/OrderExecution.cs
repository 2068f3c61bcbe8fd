using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Events;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Trading.Execution;

/// <summary>
/// Fills one executable order against a tick: as much as the touch shows (all or nothing for FOK), at the price its
/// kind gets, after checking again that a resting order still has the margin; then applies IOC/FOK to the rest.
/// </summary>
internal static class OrderExecution
{
    public static void Execute(
        AccountBook book, Order order, Instrument instrument, Quote quote, IMarketView market, TickLiquidity liquidity, bool atPlacement, DateTimeOffset now)
    {
        var available = instrument.FloorToLot(liquidity.Available(order.Side));
        var quantity = Math.Min(order.RemainingQuantity, available);
        if (order.TimeInForce == TimeInForce.Fok && quantity < order.RemainingQuantity)
        {
            // All or nothing: at placement the caller cancels the untouched order; a triggered stop is cancelled here.
            if (!atPlacement)
            {
                order.MoveTo(OrderStatus.Cancelled, now, "FOK: the full quantity was not available at once");
                book.Events.Add(new OrderUpdated(order, now));
            }

            return;
        }

        if (quantity > 0 && !atPlacement && !HasMarginFor(book, order, instrument, quantity, quote, market))
        {
            order.MoveTo(order.FilledQuantity == 0 ? OrderStatus.Rejected : OrderStatus.Cancelled, now,
                "Insufficient margin when the order came to fill");
            book.Events.Add(new OrderUpdated(order, now));
            return;
        }

        if (quantity > 0)
        {
            var isLimit = order.Type is OrderType.Limit or OrderType.StopLimit;
            var touch = order.Side == OrderSide.Buy ? quote.Ask : quote.Bid;
            decimal price;
            Liquidity side;
            if (isLimit && !atPlacement)
            {
                // A resting limit the market came to: its price, or better when the market gapped through it.
                price = order.Side == OrderSide.Buy ? Math.Min(order.Price!.Value, touch) : Math.Max(order.Price!.Value, touch);
                side = Liquidity.Maker;
            }
            else
            {
                price = ExecutionCosts.MarketFillPrice(instrument, order.Side, touch, ExecutionCosts.SlippageFraction(instrument, order, quantity));
                if (isLimit)
                {
                    // A limit never fills worse than its limit, whatever the slippage.
                    price = order.Side == OrderSide.Buy ? Math.Min(price, order.Price!.Value) : Math.Max(price, order.Price!.Value);
                }

                side = Liquidity.Taker;
            }

            liquidity.Consume(order.Side, quantity);
            PositionKeeper.Book(book, order, instrument, quantity, price, side, now);
        }

        if (order.IsWorking && order.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok && (atPlacement || order.Triggered))
        {
            order.MoveTo(OrderStatus.Cancelled, now, $"{order.TimeInForce.ToString().ToUpperInvariant()}: the rest could not be filled at once");
            book.Events.Add(new OrderUpdated(order, now));
        }
    }

    /// <summary>A resting order that comes to fill is checked again: the account may have lost margin since it was placed.</summary>
    private static bool HasMarginFor(AccountBook book, Order order, Instrument instrument, decimal quantity, Quote quote, IMarketView market)
    {
        var after = MarginCheck.FreeMarginAfter(book, market, instrument, order, quantity, order.RemainingQuantity - quantity, quote, excluding: null);
        return after >= 0m || after >= MarginCalculator.Snapshot(book, market).MarginAvailable;
    }
}
