namespace TradingPlatform.Messaging.Contracts;

/// <summary>A position was opened, changed (size, protection) or closed; <see cref="Action"/> is OPENED, UPDATED or CLOSED (seed 000).</summary>
public sealed record PositionChangedIntegrationEvent(Guid UserId, string Action, PositionSnapshot Position) : IntegrationEvent
{
    public override string RoutingKey => "trading.position_changed";
}
