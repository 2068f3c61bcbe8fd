using TradingPlatform.Trading.Accounts;

namespace TradingPlatform.Api.Accounts;

/// <summary>An account with its figures at current prices (seed 004: balance, equity, margin used, margin available).</summary>
public sealed record AccountResponse(
    Guid Id,
    string Name,
    bool IsDemo,
    bool IsDefault,
    string Currency,
    decimal InitialBalance,
    decimal Balance,
    decimal Equity,
    decimal MarginUsed,
    decimal MarginReserved,
    decimal MarginAvailable,
    decimal UnrealizedPnl,
    decimal RealizedPnl,
    decimal DayPnl,
    int MaxLeverage,
    decimal? MaxDailyLoss,
    int OpenPositions,
    int OpenOrders,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static AccountResponse From(AccountBook book, AccountSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(snapshot);
        var account = book.Account;
        return new AccountResponse(
            account.Id.Value, account.Name, account.IsDemo, account.IsDefault, TradingAccount.Currency, account.InitialBalance,
            snapshot.Balance, snapshot.Equity, snapshot.MarginUsed, snapshot.MarginReserved, snapshot.MarginAvailable,
            snapshot.UnrealizedPnl, snapshot.RealizedPnl, snapshot.DayPnl, account.MaxLeverage, account.MaxDailyLoss,
            book.OpenPositions.Count, book.WorkingOrders.Count, account.CreatedAt, account.UpdatedAt);
    }
}
