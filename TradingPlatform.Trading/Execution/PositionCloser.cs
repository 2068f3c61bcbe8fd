using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Execution;

/// <summary>
/// Closes all or part of a position with a market order the platform creates (so every fill belongs to an order). Such
/// orders fill their whole quantity at once: protection must not be left half done.
/// </summary>
internal static class PositionCloser
{
    public static Order Close(
        AccountBook book, Position position, decimal? quantity, Instrument instrument, Quote quote, OrderOrigin origin, DateTimeOffset now)
    {
        var closing = quantity ?? position.Quantity;
        var order = new Order
        {
            Id = OrderId.From(book.Ids.Next()), AccountId = book.Account.Id, Symbol = position.Symbol, Type = OrderType.Market,
            Side = position.Side == PositionSide.Long ? OrderSide.Sell : OrderSide.Buy, Quantity = closing, TimeInForce = TimeInForce.Ioc,
            Leverage = 1, Origin = origin, ClosesPositionId = position.Id, CreatedAt = now, UpdatedAt = now,
        };

        var touch = order.Side == OrderSide.Buy ? quote.Ask : quote.Bid;
        decimal price;
        Liquidity liquidity;
        if (origin == OrderOrigin.TakeProfit && position.TakeProfit is { } target)
        {
            price = order.Side == OrderSide.Sell ? Math.Max(target, touch) : Math.Min(target, touch);
            liquidity = Liquidity.Maker;
        }
        else
        {
            price = ExecutionCosts.MarketFillPrice(instrument, order.Side, touch, ExecutionCosts.SlippageFraction(instrument, order, closing));
            liquidity = Liquidity.Taker;
        }

        ExecutionSimulator.FillCompletely(book, order, instrument, price, liquidity, now);
        book.Accepted(order);
        return order;
    }

    public static void ValidateQuantity(Instrument instrument, Position position, decimal? quantity)
    {
        if (quantity is not { } value)
        {
            return;
        }

        if (value <= 0 || value > position.Quantity)
        {
            throw TradingException.Invalid("quantity",
                $"The quantity to close must be greater than zero and at most the position's {position.Quantity:G29}.");
        }

        if (!instrument.IsOnLot(value))
        {
            throw TradingException.Invalid("quantity", $"The quantity must be a multiple of the lot size {instrument.LotSize:G29} for {instrument.Symbol}.");
        }
    }
}
