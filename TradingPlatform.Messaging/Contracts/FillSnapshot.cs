namespace TradingPlatform.Messaging.Contracts;

/// <summary>One execution of an order (a partial or the final fill); side and liquidity in the Api's snake_case names.</summary>
public sealed record FillSnapshot(
    Guid Id,
    Guid OrderId,
    Guid PositionId,
    string Symbol,
    string Side,
    decimal Quantity,
    decimal Price,
    decimal Commission,
    decimal RealizedPnl,
    string Liquidity,
    Guid? StrategyId,
    DateTimeOffset ExecutedAt);
