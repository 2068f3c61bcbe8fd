namespace TradingPlatform.Api.Orders;

/// <summary>Seed 001's order list filters.</summary>
public sealed record OrderQuery(string? Status, string? Symbol, DateTimeOffset? StartDate, DateTimeOffset? EndDate);
