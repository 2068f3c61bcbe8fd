namespace TradingPlatform.Api.Realtime.Protocol;

/// <summary>Seed 001's portfolio_update data for one account.</summary>
public sealed record PortfolioUpdateData(
    Guid AccountId,
    decimal TotalValue,
    decimal AvailableBalance,
    decimal UnrealizedPnl,
    decimal DayPnl,
    DateTimeOffset UpdatedAt);
