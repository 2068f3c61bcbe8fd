namespace TradingPlatform.Messaging.Contracts;

/// <summary>An order was placed, changed status, was modified or (partly) filled.</summary>
public sealed record OrderUpdatedIntegrationEvent(Guid UserId, OrderSnapshot Order) : IntegrationEvent
{
    public override string RoutingKey => "trading.order_updated";
}
