using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;

namespace TradingPlatform.Trading.Ledger;

/// <summary>
/// Posts a balanced transaction: the account's cash book moves by the amount, the counter book by its opposite, and
/// the account's balance changes with it. This is the only way <see cref="TradingAccount.Balance"/> changes.
/// </summary>
public static class LedgerPosting
{
    public static IReadOnlyList<LedgerEntry> Post(
        TradingAccount account, LedgerEntryType type, string counterBook, decimal amount, Guid? referenceId, string description, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(account);
        var rounded = Money.Round(amount);
        if (rounded == 0m)
        {
            return [];
        }

        account.Balance += rounded;
        account.UpdatedAt = at;
        var transaction = Guid.CreateVersion7();
        return
        [
            new LedgerEntry
            {
                Id = Guid.CreateVersion7(), TransactionId = transaction, AccountId = account.Id, Book = LedgerAccounts.Cash(account.Id),
                Type = type, Amount = rounded, BalanceAfter = account.Balance, ReferenceId = referenceId, Description = description, CreatedAt = at,
            },
            new LedgerEntry
            {
                Id = Guid.CreateVersion7(), TransactionId = transaction, AccountId = account.Id, Book = counterBook,
                Type = type, Amount = -rounded, ReferenceId = referenceId, Description = description, CreatedAt = at,
            },
        ];
    }
}
