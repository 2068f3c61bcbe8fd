using System.Globalization;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Ledger;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Accounts;

/// <summary>Cash moving in and out of an account, always through the ledger.</summary>
public static class AccountCash
{
    /// <summary>The largest single deposit, so that absurd amounts are refused rather than stored.</summary>
    public const decimal MaxTransfer = 1_000_000_000m;

    public static TradingAccount Open(AccountBook book, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        var account = book.Account;
        if (account.InitialBalance > 0)
        {
            book.Post(LedgerPosting.Post(account, LedgerEntryType.Deposit, LedgerAccounts.External, account.InitialBalance, null, "Initial balance", now),
                LedgerEntryType.Deposit, now);
        }

        account.DayStartEquity = account.Balance;
        account.TradingDay = DateOnly.FromDateTime(now.UtcDateTime);
        return account;
    }

    public static void Deposit(AccountBook book, decimal amount, string? description, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        ValidateAmount(amount);
        book.Post(LedgerPosting.Post(book.Account, LedgerEntryType.Deposit, LedgerAccounts.External, amount, null, description ?? "Deposit", now),
            LedgerEntryType.Deposit, now);
        book.Account.DayStartEquity += amount;
    }

    /// <summary>Only free margin can leave: cash that open positions or working orders need stays.</summary>
    public static void Withdraw(AccountBook book, decimal amount, string? description, IMarketView market, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        ValidateAmount(amount);
        var snapshot = MarginCalculator.Snapshot(book, market);
        var withdrawable = Math.Max(0m, Math.Min(snapshot.MarginAvailable, book.Account.Balance));
        if (amount > withdrawable)
        {
            throw new TradingException(TradingErrorKind.InsufficientBalance,
                $"At most {withdrawable.ToString("F2", CultureInfo.InvariantCulture)} USD can be withdrawn (free margin and cash).");
        }

        book.Post(LedgerPosting.Post(book.Account, LedgerEntryType.Withdrawal, LedgerAccounts.External, -amount, null, description ?? "Withdrawal", now),
            LedgerEntryType.Withdrawal, now);
        book.Account.DayStartEquity -= amount;
    }

    private static void ValidateAmount(decimal amount)
    {
        if (amount <= 0 || amount > MaxTransfer)
        {
            throw TradingException.Invalid("amount", $"The amount must be greater than 0 and at most {MaxTransfer.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        if (Money.Round(amount) != amount)
        {
            throw TradingException.Invalid("amount", "The amount must be in whole cents.");
        }
    }
}
