using System.Globalization;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Events;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Trading.Execution;

/// <summary>
/// The paper venue (seed 004's execution simulator). It accepts, modifies and cancels orders against one account's
/// <see cref="AccountBook"/>, and on every tick fills what the tick reaches: market orders at the touch plus slippage,
/// limits at their price or better, stops at the market once triggered (a gap through a stop fills at the market),
/// trailing stops after their trail. Only the quantity shown at the touch fills per tick (partial fills), which IOC and
/// FOK respect. It has no I/O and no clock: the caller passes the time and persists what changed.
/// </summary>
public static partial class ExecutionSimulator
{
    /// <summary>Validates, checks margin and market hours, accepts the order and executes what is marketable at once.</summary>
    public static Order Place(AccountBook book, OrderRequest request, IMarketView market, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(market);
        var instrument = market.FindInstrument(request.Symbol)
            ?? throw TradingException.Invalid("symbol", $"Unknown symbol '{request.Symbol}'; GET /api/market/instruments lists the tradeable ones.");
        if (!instrument.Active)
        {
            throw new TradingException(TradingErrorKind.Rejected, $"{instrument.Symbol} is not tradeable at the moment.");
        }

        var leverage = OrderValidator.Validate(request, instrument, book.Account);
        var quote = RequireOpenMarket(instrument, market, now);
        RollDay(book, market, now);

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
            order.TrailAnchor = touch;
            order.StopPrice = TrailingStop(instrument, order);
            // A sell trail wider than the price puts the stop at or below zero: it could never trigger, and its margin
            // reservation (quantity × stop) would be negative, inflating free margin for every other order.
            if (order.StopPrice <= 0m)
            {
                throw TradingException.Invalid("trailAmount",
                    $"The trailAmount must be smaller than the current bid {touch.ToString("G29", CultureInfo.InvariantCulture)} of a sell trailing stop.");
            }
        }

        EnsureMargin(book, market, instrument, order, order.Quantity, quote, excluding: null);

        if (IsExecutable(order, quote))
        {
            Execute(book, order, instrument, quote, market, new TickLiquidity(quote), atPlacement: true, now);
        }

        if (order.Status == OrderStatus.Pending)
        {
            // An IOC/FOK stop applies its time in force when it triggers (see Execute and OnQuote); until then it rests.
            // Cancelling it here, as any other untouched IOC/FOK order, made IOC and FOK stops impossible to place.
            if (order.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok && !AwaitsTrigger(order))
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

    /// <summary>Changes a working order (seed 001's PUT); anything no longer working is a conflict.</summary>
    public static void Modify(AccountBook book, Order order, OrderModification change, IMarketView market, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(market);
        EnsureWorking(order, "modified");
        var instrument = market.FindInstrument(order.Symbol) ?? throw new InvalidOperationException($"No instrument {order.Symbol}.");
        var quote = RequireOpenMarket(instrument, market, now);

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
        var touch = order.Side == OrderSide.Buy ? quote.Ask : quote.Bid;
        OrderValidator.ValidateBracket(order.Side, price ?? stopPrice ?? touch, change.StopLoss ?? order.StopLoss, change.TakeProfit ?? order.TakeProfit);

        var candidate = new Order
        {
            Id = order.Id, AccountId = order.AccountId, Symbol = order.Symbol, Type = order.Type, Side = order.Side, Quantity = quantity,
            Price = price, StopPrice = stopPrice, TimeInForce = order.TimeInForce, Leverage = order.Leverage, CreatedAt = order.CreatedAt,
            Triggered = order.Triggered,
        };
        EnsureMargin(book, market, instrument, candidate, quantity - order.FilledQuantity, quote, excluding: order);

        order.Quantity = quantity;
        order.Price = price;
        order.StopPrice = stopPrice;
        order.StopLoss = change.StopLoss ?? order.StopLoss;
        order.TakeProfit = change.TakeProfit ?? order.TakeProfit;
        order.UpdatedAt = now;
        book.Events.Add(new OrderUpdated(order, now));

        if (IsExecutable(order, quote))
        {
            Execute(book, order, instrument, quote, market, new TickLiquidity(quote), atPlacement: true, now);
        }

        book.PruneWorkingOrders();
    }

    public static void Cancel(AccountBook book, Order order, DateTimeOffset now, string reason = "Cancelled by the client")
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(order);
        EnsureWorking(order, "cancelled");
        order.MoveTo(OrderStatus.Cancelled, now, reason);
        book.Events.Add(new OrderUpdated(order, now));
        book.PruneWorkingOrders();
    }

    /// <summary>
    /// Everything a tick does to the account: expires DAY orders past their session, moves trailing stops, triggers
    /// stops, fills what the tick reaches (oldest order first), then checks liquidation, stop-loss and take-profit.
    /// </summary>
    public static void OnQuote(AccountBook book, Quote quote, IMarketView market, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(market);
        if (market.FindInstrument(quote.Symbol) is not { } instrument)
        {
            return;
        }

        RollDay(book, market, now);
        ExpireOrders(book, now);
        if (WorkingOrdersOf(book, instrument.Symbol) is { } working)
        {
            FillWorkingOrders(book, working, instrument, quote, market, now);
        }

        book.PruneWorkingOrders();
        ProtectionTriggers.Apply(book, instrument, quote, market, now);
    }

    /// <summary>The symbol's working orders at this moment (a copy: filling them changes the book's list), or null when there are none.</summary>
    private static List<Order>? WorkingOrdersOf(AccountBook book, string symbol)
    {
        List<Order>? orders = null;
        var working = book.WorkingOrders;
        for (var i = 0; i < working.Count; i++)
        {
            var order = working[i];
            if (string.Equals(order.Symbol, symbol, StringComparison.OrdinalIgnoreCase))
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
            if (order.Type == OrderType.TrailingStop && !order.Triggered)
            {
                order.TrailAnchor = order.Side == OrderSide.Sell ? Math.Max(order.TrailAnchor ?? quote.Bid, quote.Bid) : Math.Min(order.TrailAnchor ?? quote.Ask, quote.Ask);
                order.StopPrice = TrailingStop(instrument, order);
            }

            if (IsExecutable(order, quote))
            {
                Execute(book, order, instrument, quote, market, liquidity, atPlacement: false, now);
            }
            else if (order.Triggered && order.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok)
            {
                // An IOC/FOK stop-limit whose limit is out of reach at the moment it triggers cannot fill "at once".
                order.MoveTo(OrderStatus.Cancelled, now, $"{order.TimeInForce.ToString().ToUpperInvariant()}: the limit was not reachable when the stop triggered");
                book.Events.Add(new OrderUpdated(order, now));
            }
        }
    }

    /// <summary>Working DAY orders whose session has ended expire.</summary>
    public static void ExpireOrders(AccountBook book, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
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

    /// <summary>Starts a new trading day (UTC) for the daily loss limit and day P&amp;L.</summary>
    public static void RollDay(AccountBook book, IMarketView market, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (book.Account.TradingDay != today)
        {
            book.Account.DayStartEquity = MarginCalculator.Equity(book, market);
            book.Account.TradingDay = today;
        }
    }

    internal static Quote RequireOpenMarket(Instrument instrument, IMarketView market, DateTimeOffset now)
    {
        if (!instrument.Hours.IsOpen(now))
        {
            throw new TradingException(TradingErrorKind.MarketClosed,
                $"The {instrument.Symbol} market is closed; it trades {instrument.Hours.Description}.");
        }

        return market.LatestQuote(instrument.Symbol)
            ?? throw new TradingException(TradingErrorKind.NoPrice, $"There is no price for {instrument.Symbol} yet; retry in a few seconds.");
    }

    /// <summary>Books a fill of the whole quantity at once (the platform's closing orders).</summary>
    internal static void FillCompletely(AccountBook book, Order order, Instrument instrument, decimal price, Liquidity liquidity, DateTimeOffset at) =>
        PositionKeeper.Book(book, order, instrument, order.RemainingQuantity, price, liquidity, at);

    private static void EnsureWorking(Order order, string action)
    {
        if (!order.IsWorking || order.Origin != OrderOrigin.Client)
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
        var rests = order.TimeInForce is TimeInForce.Gtc or TimeInForce.Day || AwaitsTrigger(order);
        var after = MarginCheck.FreeMarginAfter(book, market, instrument, order, 0m, rests ? quantity : 0m, quote, excluding, snapshot);
        if (!AwaitsTrigger(order) && IsMarketable(order, quote))
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

    private static bool IsMarketable(Order order, Quote quote) =>
        order.Type is not (OrderType.Limit or OrderType.StopLimit) || (order.Side == OrderSide.Buy ? quote.Ask <= order.Price : quote.Bid >= order.Price);

    private static bool AwaitsTrigger(Order order) =>
        order.Type is OrderType.Stop or OrderType.StopLimit or OrderType.TrailingStop && !order.Triggered;

    private static bool IsExecutable(Order order, Quote quote)
    {
        if (order.Type is OrderType.Stop or OrderType.StopLimit or OrderType.TrailingStop && !order.Triggered)
        {
            var stop = order.StopPrice!.Value;
            order.Triggered = order.Side == OrderSide.Buy ? quote.Ask >= stop : quote.Bid <= stop;
            if (!order.Triggered)
            {
                return false;
            }
        }

        return order.Type switch
        {
            OrderType.Limit or OrderType.StopLimit => order.Side == OrderSide.Buy ? quote.Ask <= order.Price : quote.Bid >= order.Price,
            _ => true,
        };
    }

    private static void Execute(
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
                var slippage = ExecutionCosts.SlippageFraction(instrument, quantity, order.Id.Value, order.History.Count);
                price = ExecutionCosts.MarketFillPrice(instrument, order.Side, touch, slippage);
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

    private static decimal TrailingStop(Instrument instrument, Order order)
    {
        var anchor = order.TrailAnchor!.Value;
        var trail = order.TrailAmount ?? anchor * order.TrailPercent!.Value / 100m;
        return instrument.RoundToTick(order.Side == OrderSide.Sell ? anchor - trail : anchor + trail);
    }
}
