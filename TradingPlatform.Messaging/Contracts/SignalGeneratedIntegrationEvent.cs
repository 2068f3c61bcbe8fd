using System.Text.Json.Serialization;

namespace TradingPlatform.Messaging.Contracts;

/// <summary>A trading signal was published (by a strategy, the AI service or an admin); <see cref="Signal"/> is buy, sell or hold.</summary>
public sealed record SignalGeneratedIntegrationEvent(
    Guid SignalId,
    string Symbol,
    string Signal,
    decimal Confidence,
    string? Reasoning,
    decimal? Price,
    string Source,
    DateTimeOffset GeneratedAt) : IntegrationEvent
{
    public override string RoutingKey => "signals.signal_generated";

    [JsonIgnore]
    public override string? PartitionKey => Symbol;
}
