namespace TradingPlatform.Trading.Accounts;

/// <summary>An account's figures at current prices (seed 004: balance, equity, margin used, margin available).</summary>
public sealed record AccountSnapshot(
    decimal Balance,
    decimal Equity,
    decimal MarginUsed,
    decimal MarginReserved,
    decimal MarginAvailable,
    decimal UnrealizedPnl,
    decimal RealizedPnl,
    decimal DayPnl);
