namespace TradingPlatform.Api.Portfolio;

/// <summary>Seed 001's portfolio: totals at current prices and performance from equity snapshots (fractions, 0.01 = 1%).</summary>
public sealed record PortfolioResponse(
    Guid AccountId,
    decimal TotalValue,
    decimal AvailableBalance,
    decimal Balance,
    decimal MarginUsed,
    decimal UnrealizedPnL,
    decimal RealizedPnL,
    decimal TotalPnL,
    decimal DayPnL,
    int Positions,
    int OpenOrders,
    PortfolioPerformance Performance,
    DateTimeOffset UpdatedAt);
