using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Ledger;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Tests.Support;

/// <summary>
/// The properties every account must keep whatever happens to it. The book's New* lists accumulate everything the
/// simulator created since the book was made (as the Api would persist it), so they are the account's full history.
/// </summary>
public static class Invariants
{
    public static void AssertAll(AccountBook book)
    {
        AssertLedgerBalances(book);
        AssertPositionsEqualTheirFills(book);
        AssertOrderHistories(book);
    }

    /// <summary>The balance is the sum of the cash-book lines, and every transaction sums to zero.</summary>
    public static void AssertLedgerBalances(AccountBook book)
    {
        var cash = LedgerAccounts.Cash(book.Account.Id);
        var sum = book.NewEntries.Where(entry => entry.Book == cash).Sum(entry => entry.Amount);
        Assert.Equal(book.Account.Balance, sum);
        Assert.Equal(decimal.Round(sum, 2), sum);
        foreach (var transaction in book.NewEntries.GroupBy(entry => entry.TransactionId))
        {
            Assert.Equal(0m, transaction.Sum(entry => entry.Amount));
            Assert.Equal(2, transaction.Count());
            Assert.Single(transaction, entry => entry.Book == cash);
        }
    }

    /// <summary>Each position's quantity is the signed sum of its fills; open positions are exactly the non-empty ones.</summary>
    public static void AssertPositionsEqualTheirFills(AccountBook book)
    {
        var byPosition = book.NewFills.ToLookup(fill => fill.PositionId);
        foreach (var position in book.NewPositions)
        {
            var signed = byPosition[position.Id].Sum(fill =>
                (fill.Side == OrderSide.Buy ? 1 : -1) * (position.Side == PositionSide.Long ? 1 : -1) * fill.Quantity);
            Assert.Equal(position.Quantity, signed);
            Assert.Equal(position.Quantity, position.FilledQuantityTotal);
            Assert.True(position.Quantity >= 0, $"Position {position.Id} has a negative quantity");
            Assert.Equal(position.Quantity > 0, position.IsOpen);
            Assert.Equal(position.IsOpen, book.OpenPositions.Contains(position));
        }

        // Netting: at most one open position per symbol.
        Assert.Equal(book.OpenPositions.Count, book.OpenPositions.Select(p => p.Symbol).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(book.NewFills, fill => Assert.Contains(book.NewPositions, position => position.Id == fill.PositionId));
    }

    /// <summary>Every history walks the transition table from Pending; filled quantities equal the fills; working lists are right.</summary>
    public static void AssertOrderHistories(AccountBook book)
    {
        var byOrder = book.NewFills.ToLookup(fill => fill.OrderId);
        foreach (var order in book.NewOrders)
        {
            var current = OrderStatus.Pending;
            foreach (var change in order.History)
            {
                Assert.Equal(current, change.From);
                Assert.True(OrderStatusTransitions.CanMove(change.From, change.To), $"{change.From} -> {change.To} is not in the table");
                current = change.To;
            }

            Assert.Equal(order.Status, current);
            Assert.NotEqual(OrderStatus.Pending, order.Status);
            Assert.Equal(order.FilledQuantity, byOrder[order.Id].Sum(fill => fill.Quantity));
            Assert.InRange(order.FilledQuantity, 0m, order.Quantity);
            Assert.Equal(order.Status == OrderStatus.Filled, order.FilledQuantity == order.Quantity);
            Assert.Equal(order.IsWorking, book.WorkingOrders.Contains(order));
        }

        Assert.All(book.WorkingOrders, order => Assert.False(OrderStatusTransitions.IsFinal(order.Status)));
    }

    /// <summary>Free margin after an order that added exposure was accepted (before any tick moves prices).</summary>
    public static void AssertFreeMarginNotNegative(AccountBook book, IMarketView market)
    {
        var snapshot = MarginCalculator.Snapshot(book, market);
        Assert.True(snapshot.MarginAvailable >= 0m, $"Free margin {snapshot.MarginAvailable} is negative (equity {snapshot.Equity}, used {snapshot.MarginUsed}, reserved {snapshot.MarginReserved})");
    }
}
