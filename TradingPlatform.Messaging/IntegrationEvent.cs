using System.Text.Json.Serialization;

namespace TradingPlatform.Messaging;

/// <summary>
/// A past-tense fact that other services must hear about, written to the outbox in the same transaction as the change
/// it records. <see cref="Id"/> is the message id: consumers record it in their inbox so a redelivery has no second effect.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The topic exchange's routing key, <c>{area}.{event}</c> in lower case (for example <c>trading.order_filled</c>).</summary>
    [JsonIgnore]
    public abstract string RoutingKey { get; }

    /// <summary>
    /// Events with the same key are handled one after another in the order they were published (an account's changes, a
    /// backtest's progress then its completion); null, the default, lets a consumer handle the event beside any other.
    /// </summary>
    [JsonIgnore]
    public virtual string? PartitionKey => null;
}
