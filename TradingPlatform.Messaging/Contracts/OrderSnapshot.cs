namespace TradingPlatform.Messaging.Contracts;

/// <summary>An order as it stood when the event was written (enum values in the Api's snake_case names).</summary>
public sealed record OrderSnapshot(
    Guid Id,
    Guid AccountId,
    string? ClientOrderId,
    string Symbol,
    string Type,
    string Side,
    decimal Quantity,
    decimal? Price,
    decimal? StopPrice,
    string TimeInForce,
    string Status,
    string? StatusReason,
    decimal FilledQuantity,
    decimal RemainingQuantity,
    decimal? AveragePrice,
    decimal Commission,
    Guid? StrategyId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
