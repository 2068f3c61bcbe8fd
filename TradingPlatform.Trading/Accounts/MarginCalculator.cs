using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Accounts;

/// <summary>
/// Equity and margin at current prices. Equity is cash plus unrealized P&amp;L; margin used is what open positions
/// hold; margin reserved is what working orders would need if they filled; margin available is what is left.
/// </summary>
public static class MarginCalculator
{
    public static AccountSnapshot Snapshot(AccountBook book, IMarketView market, Order? excluding = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(market);
        var unrealized = 0m;
        var used = 0m;
        var positions = book.OpenPositions;
        for (var i = 0; i < positions.Count; i++)
        {
            var position = positions[i];
            used += position.Margin;
            if (market.LatestQuote(position.Symbol) is { } quote)
            {
                unrealized += position.UnrealizedPnl(position.MarkPrice(quote));
            }
        }

        var reserved = 0m;
        var working = book.WorkingOrders;
        for (var i = 0; i < working.Count; i++)
        {
            var order = working[i];
            if (order != excluding)
            {
                reserved += Reserved(book, order, market);
            }
        }

        var equity = book.Account.Balance + unrealized;
        return new AccountSnapshot(
            book.Account.Balance,
            Money.Round(equity),
            Money.Round(used),
            Money.Round(reserved),
            Money.Round(equity - used - reserved),
            Money.Round(unrealized),
            book.Account.RealizedPnl,
            Money.Round(equity - book.Account.DayStartEquity));
    }

    /// <summary>
    /// <see cref="Snapshot"/>'s equity alone (cash plus open positions marked to their quotes, rounded to the cent),
    /// without the margin figures: what an equity curve or a new day's starting equity needs.
    /// </summary>
    public static decimal Equity(AccountBook book, IMarketView market)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(market);
        var unrealized = 0m;
        var positions = book.OpenPositions;
        for (var i = 0; i < positions.Count; i++)
        {
            var position = positions[i];
            if (market.LatestQuote(position.Symbol) is { } quote)
            {
                unrealized += position.UnrealizedPnl(position.MarkPrice(quote));
            }
        }

        return Money.Round(book.Account.Balance + unrealized);
    }

    /// <summary>The margin a working order would add if it filled now: only the part that adds exposure counts.</summary>
    public static decimal Reserved(AccountBook book, Order order, IMarketView market)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(order);
        return Reserved(order, order.RemainingQuantity, book.OpenPosition(order.Symbol), market);
    }

    /// <summary>What <paramref name="remaining"/> of a working order reserves against a given (possibly hypothetical) position.</summary>
    public static decimal Reserved(Order order, decimal remaining, Position? position, IMarketView market)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(market);
        return Reserved(order, remaining, position?.Direction ?? 0, position?.Quantity ?? 0m, market);
    }

    /// <summary>The same against a position given by its direction (+1, −1, or 0 for none) and quantity, which need not exist.</summary>
    internal static decimal Reserved(Order order, decimal remaining, int direction, decimal held, IMarketView market)
    {
        if (order.Origin != OrderOrigin.Client || remaining <= 0m)
        {
            return 0m;
        }

        var increase = ExposureIncrease(direction, held, order.Side, remaining);
        return increase == 0m ? 0m : increase * ReferencePrice(order, market) / order.Leverage;
    }

    /// <summary>How much of <paramref name="quantity"/> adds to exposure rather than reducing an opposite position.</summary>
    public static decimal ExposureIncrease(Position? position, OrderSide side, decimal quantity) =>
        ExposureIncrease(position?.Direction ?? 0, position?.Quantity ?? 0m, side, quantity);

    /// <param name="direction">The position's direction: +1 long, −1 short, 0 none.</param>
    /// <param name="held">Its quantity.</param>
    internal static decimal ExposureIncrease(int direction, decimal held, OrderSide side, decimal quantity)
    {
        var sideDirection = side == OrderSide.Buy ? 1 : -1;
        return direction == 0 || direction == sideDirection ? quantity : Math.Max(0m, quantity - held);
    }

    /// <summary>The price an order is expected to fill at: its limit, else its stop, else the touch.</summary>
    public static decimal ReferencePrice(Order order, IMarketView market)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(market);
        if (order.Price is { } limit)
        {
            return limit;
        }

        if (order.StopPrice is { } stop)
        {
            return stop;
        }

        var quote = market.LatestQuote(order.Symbol);
        return quote is null ? 0m : order.Side == OrderSide.Buy ? quote.Ask : quote.Bid;
    }
}
