namespace TradingPlatform.Api.Accounts;

/// <summary>
/// Whether the account's balance equals the sum of its ledger entries (<c>balanced</c>), and whether every one of its
/// transactions sums to zero across both books (<c>transactionsBalanced</c>).
/// </summary>
public sealed record ReconciliationResponse(
    Guid AccountId, bool Balanced, decimal AccountBalance, decimal LedgerBalance, decimal Difference, int Entries, bool TransactionsBalanced, DateTimeOffset CheckedAt);
