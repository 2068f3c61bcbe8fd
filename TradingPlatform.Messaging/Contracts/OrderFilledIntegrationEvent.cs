namespace TradingPlatform.Messaging.Contracts;

/// <summary>One execution of an order (a partial or the final fill).</summary>
public sealed record OrderFilledIntegrationEvent(
    Guid UserId,
    Guid AccountId,
    Guid FillId,
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
    DateTimeOffset ExecutedAt) : IntegrationEvent
{
    public override string RoutingKey => "trading.order_filled";
}
