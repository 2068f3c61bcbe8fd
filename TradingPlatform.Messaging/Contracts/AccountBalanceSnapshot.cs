namespace TradingPlatform.Messaging.Contracts;

/// <summary>
/// The account's figures after a change that moved cash, computed as the account and portfolio endpoints compute
/// them; <see cref="Reasons"/> are what moved it (commission, trade_pnl, deposit, withdrawal, funding, liquidation,
/// adjustment), each once, in the order they first happened.
/// </summary>
public sealed record AccountBalanceSnapshot(
    decimal Balance,
    decimal Equity,
    decimal UsedMargin,
    decimal FreeMargin,
    decimal UnrealizedPnl,
    decimal RealizedPnl,
    decimal DayPnl,
    IReadOnlyList<string> Reasons);
