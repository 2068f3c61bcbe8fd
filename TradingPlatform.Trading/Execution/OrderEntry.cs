using System.Globalization;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Events;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Trading.Execution;

/// <summary>
/// Order entry: accepting, modifying and cancelling a client's order. Each checks the order, the market and the
/// account's margin, makes the change, and executes at once what the change makes marketable.
/// </summary>
internal static class OrderEntry
{
    public static Order Place(AccountBook book, OrderRequest request, IMarketView market, DateTimeOffset now)
    {
        var instrument = market.FindInstrument(request.Symbol)
            ?? throw TradingException.Invalid("symbol", $"Unknown symbol '{request.Symbol}'; GET /api/market/instruments lists the tradeable ones.");
        if (!instrument.Active)
        {
            throw new TradingException(TradingErrorKind.Rejected, $"{instrument.Symbol} is not tradeable at the moment.");
        }

        var leverage = OrderValidator.Validate(request, instrument, book.Account);
        var quote = ExecutionSimulator.RequireOpenMarket(instrument, market, now);
        ExecutionSimulator.RollDay(book, market, now);

        if (request.Type is OrderType.Stop or OrderType.StopLimit)
        {
            OrderValidator.ValidateStopAgainstQuote(request.Side, request.StopPrice!.Value, quote);
        }

        var touch = request.Side == OrderSide.Buy ? quote.Ask : quote.Bid;
        OrderValidator.ValidateBracket(request.Side, request.Price ?? request.StopPrice ?? touch, request.StopLoss, request.TakeProfit);

        var order = new Order
        {
            Id = OrderId.From(book.Ids.Next()), AccountId = book.Account.Id, Symbol = instrument.Symbol, Type = request.Type, Side = request.Side,
            Quantity = request.Quantity, Price = request.Price, StopPrice = request.StopPrice, TrailAmount = request.TrailAmount,
            TrailPercent = request.TrailPercent, TimeInForce = request.TimeInForce, ClientOrderId = request.ClientOrderId,
            RequestFingerprint = request.Fingerprint(), Leverage = leverage, StopLoss = request.StopLoss, TakeProfit = request.TakeProfit,
            StrategyId = request.StrategyId, CreatedAt = now, UpdatedAt = now,
            ExpiresAt = request.TimeInForce == TimeInForce.Day ? instrument.Hours.SessionEnd(now) : null,
        };
        if (order.Type == OrderType.TrailingStop)
        {
            StopTriggers.StartTrail(instrument, order, touch);
            // A sell trail wider than the price puts the stop at or below zero: it could never trigger, and its margin
            // reservation (quantity × stop) would be negative, inflating free margin for every other order.
            if (order.StopPrice <= 0m)
            {
                throw TradingException.Invalid("trailAmount",
                    $"The trailAmount must be smaller than the current bid {touch.ToString("G29", CultureInfo.InvariantCulture)} of a sell trailing stop.");
            }
        }

        EnsureMargin(book, market, instrument, order, order.Quantity, quote, excluding: null);

        StopTriggers.TriggerIfReached(order, quote);
        if (OrderMarketability.IsExecutable(order, quote))
        {
            OrderExecution.Execute(book, order, instrument, quote, market, new TickLiquidity(quote), atPlacement: true, now);
        }

        if (order.Status == OrderStatus.Pending)
        {
            // An IOC/FOK stop applies its time in force when it triggers (see OrderExecution and TickMatching); until then it
            // rests. Cancelling it here, as any other untouched IOC/FOK order, made IOC and FOK stops impossible to place.
            if (order.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok && !order.AwaitsTrigger)
            {
                order.MoveTo(OrderStatus.Cancelled, now, order.TimeInForce == TimeInForce.Fok
                    ? "FOK: the full quantity was not available at once"
                    : "IOC: nothing could be filled at once");
            }
            else
            {
                order.MoveTo(OrderStatus.Open, now);
            }

            book.Events.Add(new OrderUpdated(order, now));
        }

        book.Accepted(order);
        return order;
    }

    public static void Modify(AccountBook book, Order order, OrderModification change, IMarketView market, DateTimeOffset now)
    {
        EnsureWorking(order, "modified");
        var instrument = market.FindInstrument(order.Symbol) ?? throw new InvalidOperationException($"No instrument {order.Symbol}.");
        var quote = ExecutionSimulator.RequireOpenMarket(instrument, market, now);

        var quantity = change.Quantity ?? order.Quantity;
        OrderValidator.ValidateQuantity(instrument, quantity);
        if (quantity <= order.FilledQuantity)
        {
            throw TradingException.Invalid("quantity",
                $"The quantity must stay above the {order.FilledQuantity.ToString("G29", CultureInfo.InvariantCulture)} already filled.");
        }

        if (change.Price is not null && order.Type is not (OrderType.Limit or OrderType.StopLimit))
        {
            throw TradingException.Invalid("price", "Only limit and stop-limit orders have a price to change.");
        }

        if (change.StopPrice is not null && (order.Type is not (OrderType.Stop or OrderType.StopLimit) || order.Triggered))
        {
            throw TradingException.Invalid("stopPrice", "Only stop and stop-limit orders that have not triggered have a stop price to change.");
        }

        OrderValidator.ValidatePrice(instrument, change.Price, "price");
        OrderValidator.ValidatePrice(instrument, change.StopPrice, "stopPrice");
        OrderValidator.ValidatePrice(instrument, change.StopLoss, "stopLoss");
        OrderValidator.ValidatePrice(instrument, change.TakeProfit, "takeProfit");
        if (change.StopPrice is { } stop)
        {
            OrderValidator.ValidateStopAgainstQuote(order.Side, stop, quote);
        }

        var price = change.Price ?? order.Price;
        var stopPrice = change.StopPrice ?? order.StopPrice;
        var stopLoss = change.StopLoss ?? order.StopLoss;
        var takeProfit = change.TakeProfit ?? order.TakeProfit;
        var touch = order.Side == OrderSide.Buy ? quote.Ask : quote.Bid;
        OrderValidator.ValidateBracket(order.Side, price ?? stopPrice ?? touch, stopLoss, takeProfit);

        EnsureMargin(book, market, instrument, order.WithTerms(quantity, price, stopPrice), quantity - order.FilledQuantity, quote, excluding: order);

        order.Modify(quantity, price, stopPrice, stopLoss, takeProfit, now);
        book.Events.Add(new OrderUpdated(order, now));

        StopTriggers.TriggerIfReached(order, quote);
        if (OrderMarketability.IsExecutable(order, quote))
        {
            OrderExecution.Execute(book, order, instrument, quote, market, new TickLiquidity(quote), atPlacement: true, now);
        }

        book.PruneWorkingOrders();
    }

    public static void Cancel(AccountBook book, Order order, DateTimeOffset now, string reason)
    {
        EnsureWorking(order, "cancelled");
        order.MoveTo(OrderStatus.Cancelled, now, reason);
        book.Events.Add(new OrderUpdated(order, now));
        book.PruneWorkingOrders();
    }

    private static void EnsureWorking(Order order, string action)
    {
        if (!OrderStatusTransitions.CanModify(order.Status) || order.Origin != OrderOrigin.Client)
        {
            throw new TradingException(TradingErrorKind.Conflict,
                $"Order {order.Id} is {order.Status.ToString().ToLowerInvariant()}; only open orders can be {action}.");
        }
    }

    /// <summary>
    /// An order is accepted when the account's free margin stays non-negative whether it rests entirely or fills
    /// entirely now, or when it leaves free margin no lower than before (an order that only reduces a position is
    /// always possible, even for an account under water).
    /// </summary>
    private static void EnsureMargin(AccountBook book, IMarketView market, Instrument instrument, Order order, decimal quantity, Quote quote, Order? excluding)
    {
        var snapshot = MarginCalculator.Snapshot(book, market, excluding);
        var addsExposure = MarginCalculator.ExposureIncrease(book.OpenPosition(order.Symbol), order.Side, quantity) > 0m;
        if (addsExposure && book.Account.MaxDailyLoss is { } maxLoss && book.Account.DayStartEquity - snapshot.Equity >= maxLoss)
        {
            throw new TradingException(TradingErrorKind.Rejected,
                $"The account has reached its maximum daily loss of {maxLoss.ToString("F2", CultureInfo.InvariantCulture)}; orders that add exposure are refused until 00:00 UTC.");
        }

        // The checks leave out excluding ?? order: without an order to exclude, the order is a new one, not yet in the
        // book, so that is the snapshot above.
        var rests = order.TimeInForce is TimeInForce.Gtc or TimeInForce.Day || order.AwaitsTrigger;
        var after = MarginCheck.FreeMarginAfter(book, market, instrument, order, 0m, rests ? quantity : 0m, quote, excluding, snapshot);
        if (!order.AwaitsTrigger && OrderMarketability.PriceReached(order, quote))
        {
            after = Math.Min(after, MarginCheck.FreeMarginAfter(book, market, instrument, order, quantity, 0m, quote, excluding, snapshot));
        }

        var available = snapshot.MarginAvailable;
        if (after < 0m && after < available)
        {
            throw new TradingException(TradingErrorKind.InsufficientBalance,
                $"The order needs {Money.Round(available - after).ToString("F2", CultureInfo.InvariantCulture)} USD of margin and fees; " +
                $"{Math.Max(available, 0m).ToString("F2", CultureInfo.InvariantCulture)} USD is available.");
        }
    }
}
