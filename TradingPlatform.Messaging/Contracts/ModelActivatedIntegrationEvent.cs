using System.Text.Json.Serialization;

namespace TradingPlatform.Messaging.Contracts;

/// <summary>
/// A forecasting model became the serving one of its symbol and interval (trained and passed evaluation, or forced by
/// an admin). Every AiService replica swaps to it on hearing this; the registry stays the source of truth.
/// </summary>
public sealed record ModelActivatedIntegrationEvent(
    Guid ModelId,
    string Name,
    int Version,
    string Symbol,
    string Interval,
    string Decision,
    DateTimeOffset ActivatedAt) : IntegrationEvent
{
    public const string Key = "ai.model_activated";

    public override string RoutingKey => Key;

    [JsonIgnore]
    public override string? PartitionKey => $"{Symbol}|{Interval}";
}
