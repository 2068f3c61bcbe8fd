using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Ledger;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Tests.Support;

/// <summary>Accounts for tests, funded through <see cref="AccountCash.Open"/> so that the ledger starts balanced.</summary>
public static class Books
{
    public static AccountBook Funded(decimal balance, DateTimeOffset now, int maxLeverage = 100, decimal? maxDailyLoss = null, IIdGenerator? ids = null)
    {
        var account = new TradingAccount
        {
            Id = AccountId.New(), OwnerId = Guid.NewGuid(), Name = "Test", IsDemo = true, MaxLeverage = maxLeverage,
            MaxDailyLoss = maxDailyLoss, InitialBalance = balance, CreatedAt = now, UpdatedAt = now,
        };
        var book = new AccountBook(account, [], []) { Ids = ids ?? TimeOrderedIds.Instance };
        AccountCash.Open(book, now);
        return book;
    }

    public static OrderRequest Market(string symbol, OrderSide side, decimal quantity, TimeInForce tif = TimeInForce.Gtc, int? leverage = null) =>
        new() { Symbol = symbol, Type = OrderType.Market, Side = side, Quantity = quantity, TimeInForce = tif, Leverage = leverage };

    public static OrderRequest Limit(string symbol, OrderSide side, decimal quantity, decimal price, TimeInForce tif = TimeInForce.Gtc, int? leverage = null) =>
        new() { Symbol = symbol, Type = OrderType.Limit, Side = side, Quantity = quantity, Price = price, TimeInForce = tif, Leverage = leverage };

    public static OrderRequest Stop(string symbol, OrderSide side, decimal quantity, decimal stop, TimeInForce tif = TimeInForce.Gtc) =>
        new() { Symbol = symbol, Type = OrderType.Stop, Side = side, Quantity = quantity, StopPrice = stop, TimeInForce = tif };

    public static OrderRequest StopLimit(string symbol, OrderSide side, decimal quantity, decimal stop, decimal limit, TimeInForce tif = TimeInForce.Gtc) =>
        new() { Symbol = symbol, Type = OrderType.StopLimit, Side = side, Quantity = quantity, StopPrice = stop, Price = limit, TimeInForce = tif };

    /// <summary>All fills of one order, in the order they happened.</summary>
    public static IReadOnlyList<Fill> FillsOf(this AccountBook book, Order order) =>
        [.. book.NewFills.Where(fill => fill.OrderId == order.Id)];

    /// <summary>The cash-book entries (what the balance is the sum of).</summary>
    public static IEnumerable<LedgerEntry> CashEntries(this AccountBook book) =>
        book.NewEntries.Where(entry => entry.Book == LedgerAccounts.Cash(book.Account.Id));

    public static IEnumerable<LedgerEntry> CashEntries(this AccountBook book, LedgerEntryType type) =>
        book.CashEntries().Where(entry => entry.Type == type);

    /// <summary>Every position the book ever had (open or closed), by id.</summary>
    public static Position PositionOf(this AccountBook book, Fill fill) => book.NewPositions.Single(position => position.Id == fill.PositionId);
}
