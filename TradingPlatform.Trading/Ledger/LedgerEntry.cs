using TradingPlatform.Trading.Accounts;

namespace TradingPlatform.Trading.Ledger;

/// <summary>
/// One line of a double-entry transaction. The lines of a transaction (same <see cref="TransactionId"/>) sum to zero;
/// a trading account's balance is the sum of its cash-book lines. Amounts are positive when they increase the book.
/// </summary>
public sealed class LedgerEntry
{
    public required Guid Id { get; init; }

    public required Guid TransactionId { get; init; }

    /// <summary>The trading account the transaction concerns (on both of its lines).</summary>
    public required AccountId AccountId { get; init; }

    /// <summary>Which book this line moves (see <see cref="LedgerAccounts"/>).</summary>
    public required string Book { get; init; }

    public required LedgerEntryType Type { get; init; }

    public required decimal Amount { get; init; }

    /// <summary>The account's cash balance after this transaction (on the cash-book line; null on the counter line).</summary>
    public decimal? BalanceAfter { get; init; }

    /// <summary>The order, fill or position that caused it, if any.</summary>
    public Guid? ReferenceId { get; init; }

    public required string Description { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
