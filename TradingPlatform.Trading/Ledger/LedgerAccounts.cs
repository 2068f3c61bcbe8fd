using TradingPlatform.Trading.Accounts;

namespace TradingPlatform.Trading.Ledger;

/// <summary>
/// The books a posting moves money between. Each trading account has a cash book; the platform has one book per
/// counterparty: the outside world (deposits and withdrawals), commission income, the simulated venue (trade P&amp;L
/// and liquidations) and funding.
/// </summary>
public static class LedgerAccounts
{
    public const string External = "platform:external";
    public const string Commissions = "platform:commissions";
    public const string Venue = "platform:venue";
    public const string Funding = "platform:funding";

    public static string Cash(AccountId account) => $"account:{account}:cash";
}
