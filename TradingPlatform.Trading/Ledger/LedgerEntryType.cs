namespace TradingPlatform.Trading.Ledger;

/// <summary>What moved cash (seed 004's entry types, plus liquidation).</summary>
public enum LedgerEntryType
{
    Deposit,
    Withdrawal,
    Commission,
    TradePnl,
    Funding,
    Liquidation,
    Adjustment,
}
