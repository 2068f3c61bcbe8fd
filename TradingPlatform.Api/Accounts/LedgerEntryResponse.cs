using TradingPlatform.Trading.Infrastructure;
using TradingPlatform.Api.Trading;
using TradingPlatform.Trading.Ledger;

namespace TradingPlatform.Api.Accounts;

/// <summary>One movement of the account's cash (its cash-book line of a double-entry transaction).</summary>
public sealed record LedgerEntryResponse(
    Guid Id, Guid TransactionId, string Type, decimal Amount, decimal? BalanceAfter, string CounterAccount, Guid? ReferenceId, string Description, DateTimeOffset CreatedAt)
{
    public static LedgerEntryResponse From(LedgerEntry entry, string counterAccount)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new LedgerEntryResponse(entry.Id, entry.TransactionId, WireNames.Snake(entry.Type), entry.Amount, entry.BalanceAfter, counterAccount,
            entry.ReferenceId, entry.Description, entry.CreatedAt);
    }
}
