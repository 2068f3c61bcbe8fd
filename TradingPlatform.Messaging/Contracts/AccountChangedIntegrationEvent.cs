using System.Text.Json.Serialization;

namespace TradingPlatform.Messaging.Contracts;

/// <summary>
/// One committed change to one account (an order placed, modified, cancelled or filled, a trigger, a liquidation, a
/// deposit, funding…), as one message: the orders it touched and the executions it made, the positions it opened,
/// changed or closed, and, when cash moved, the account's figures after the whole change. Orders and positions are
/// their state at the end of the change. Consumers see an account's changes in the order they committed (the
/// partition key is the account).
/// </summary>
public sealed record AccountChangedIntegrationEvent(
    Guid UserId,
    Guid AccountId,
    IReadOnlyList<OrderSnapshot> Orders,
    IReadOnlyList<FillSnapshot> Fills,
    IReadOnlyList<PositionChange> Positions,
    AccountBalanceSnapshot? Balance) : IntegrationEvent
{
    public const string Key = "trading.account_changed";

    public override string RoutingKey => Key;

    [JsonIgnore]
    public override string? PartitionKey => AccountId.ToString("N");
}
