using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Events;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Ledger;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Execution;

/// <summary>
/// Books a fill: nets it against the account's position in the symbol (reduce, close, or close and reverse), records
/// one <see cref="Fill"/> per position it touched, and posts realised P&amp;L and commission to the ledger.
/// </summary>
internal static class PositionKeeper
{
    public static void Book(AccountBook book, Order order, Instrument instrument, decimal quantity, decimal price, Liquidity liquidity, DateTimeOffset at)
    {
        var account = book.Account;
        var commission = ExecutionCosts.Commission(instrument, quantity, price);
        var remaining = quantity;
        var commissionLeft = commission;
        var position = book.OpenPosition(order.Symbol);

        if (position is not null && position.Direction != order.Direction)
        {
            var closing = Math.Min(remaining, position.Quantity);
            var commissionPart = closing == quantity ? commission : Money.Round(commission * closing / quantity);
            commissionLeft -= commissionPart;
            remaining -= closing;
            Reduce(book, order, instrument, position, closing, price, commissionPart, liquidity, at);
            position = null;
        }

        if (remaining > 0)
        {
            position = book.OpenPosition(order.Symbol);
            var opened = position is null;
            position ??= new Position
            {
                Id = PositionId.From(book.Ids.Next()), AccountId = account.Id, Symbol = instrument.Symbol,
                Side = order.Side == OrderSide.Buy ? PositionSide.Long : PositionSide.Short, OpenedAt = at,
            };
            position.EntryPrice = (position.EntryPrice * position.Quantity + price * remaining) / (position.Quantity + remaining);
            position.Quantity += remaining;
            position.FilledQuantityTotal += remaining;
            position.Margin += remaining * price / order.Leverage;
            position.StopLoss = order.StopLoss ?? position.StopLoss;
            position.TakeProfit = order.TakeProfit ?? position.TakeProfit;
            position.LiquidationPrice = LiquidationPrice(instrument, position);
            position.UpdatedAt = at;
            if (opened)
            {
                book.Opened(position);
            }

            AddFill(book, order, position, remaining, price, commissionLeft, 0m, liquidity, at);
            PostCommission(book, order, commissionLeft, at);
            book.Events.Add(new PositionChanged(position, opened ? PositionAction.Opened : PositionAction.Updated, at));
        }

        order.ApplyFill(quantity, price, commission, at);
        book.Events.Add(new OrderUpdated(order, at));
    }

    /// <summary>
    /// Where the position's loss would leave only the maintenance margin of what it holds: entry × (1 ∓ 1/leverage ± mmr).
    /// </summary>
    public static decimal LiquidationPrice(Instrument instrument, Position position)
    {
        var leverage = position.Quantity * position.EntryPrice / position.Margin;
        var move = 1m / leverage - instrument.MaintenanceMarginRate;
        var price = position.Side == PositionSide.Long ? position.EntryPrice * (1m - move) : position.EntryPrice * (1m + move);
        return Math.Max(instrument.RoundToTick(price), 0m);
    }

    private static void Reduce(
        AccountBook book, Order order, Instrument instrument, Position position, decimal quantity, decimal price, decimal commission, Liquidity liquidity, DateTimeOffset at)
    {
        var account = book.Account;
        var realized = Money.Round((price - position.EntryPrice) * quantity * position.Direction);
        position.Margin -= position.Margin * quantity / position.Quantity;
        position.Quantity -= quantity;
        position.FilledQuantityTotal -= quantity;
        position.RealizedPnl += realized;
        position.UpdatedAt = at;
        account.RealizedPnl += realized;

        AddFill(book, order, position, quantity, price, commission, realized, liquidity, at);
        var pnlType = order.Origin == OrderOrigin.Liquidation ? LedgerEntryType.Liquidation : LedgerEntryType.TradePnl;
        book.Post(pnlType, LedgerAccounts.Venue, realized, order.Id.Value, at, (realized, quantity, position),
            static s => $"{(s.realized >= 0 ? "Profit" : "Loss")} on {s.quantity:G29} {s.position.Symbol} ({s.position.Side.ToString().ToUpperInvariant()})");
        PostCommission(book, order, commission, at);

        if (position.Quantity == 0m)
        {
            position.Margin = 0m;
            position.ClosedAt = at;
            position.ClosePrice = price;
            position.CloseReason = order.Origin switch
            {
                OrderOrigin.StopLoss => PositionCloseReason.StopLoss,
                OrderOrigin.TakeProfit => PositionCloseReason.TakeProfit,
                OrderOrigin.Liquidation => PositionCloseReason.Liquidation,
                _ => PositionCloseReason.Closed,
            };
            book.Closed(position);
            book.Events.Add(new PositionChanged(position, PositionAction.Closed, at));
        }
        else
        {
            position.LiquidationPrice = LiquidationPrice(instrument, position);
            book.Events.Add(new PositionChanged(position, PositionAction.Updated, at));
        }
    }

    private static void AddFill(
        AccountBook book, Order order, Position position, decimal quantity, decimal price, decimal commission, decimal realized, Liquidity liquidity, DateTimeOffset at)
    {
        var fill = new Fill
        {
            Id = FillId.From(book.Ids.Next()), OrderId = order.Id, AccountId = order.AccountId, PositionId = position.Id, Symbol = position.Symbol,
            Side = order.Side, Quantity = quantity, Price = price, Commission = commission, Liquidity = liquidity, RealizedPnl = realized,
            StrategyId = order.StrategyId, ExecutedAt = at,
        };
        book.NewFills.Add(fill);
        book.Events.Add(new OrderFilled(fill, at));
    }

    private static void PostCommission(AccountBook book, Order order, decimal commission, DateTimeOffset at) =>
        book.Post(LedgerEntryType.Commission, LedgerAccounts.Commissions, -commission, order.Id.Value, at, order,
            static o => $"Commission on {o.Side.ToString().ToLowerInvariant()} {o.Symbol}");
}
