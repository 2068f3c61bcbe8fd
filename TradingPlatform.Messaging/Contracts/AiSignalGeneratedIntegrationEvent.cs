using System.Text.Json.Serialization;

namespace TradingPlatform.Messaging.Contracts;

/// <summary>
/// The AI analysis produced a confident buy or sell (<c>POST /api/ai/analysis</c>, confidence at or above
/// <c>Analysis:SignalConfidenceThreshold</c>). The Api records it as a signal of source <c>ai</c> with
/// <see cref="SignalId"/> as its id (so a redelivery records nothing more), which it then announces as
/// <see cref="SignalGeneratedIntegrationEvent"/> (the WebSocket's <c>signal</c> and <c>ai_signal</c>).
/// </summary>
public sealed record AiSignalGeneratedIntegrationEvent(
    Guid SignalId,
    Guid RecommendationId,
    string Symbol,
    string Signal,
    decimal Confidence,
    string Reasoning,
    decimal Price,
    string AnalysisType,
    string Timeframe,
    DateTimeOffset GeneratedAt) : IntegrationEvent
{
    public const string Key = "ai.signal_generated";

    public override string RoutingKey => Key;

    [JsonIgnore]
    public override string? PartitionKey => Symbol;
}
