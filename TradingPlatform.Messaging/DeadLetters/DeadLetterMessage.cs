using System.Text.Json;

namespace TradingPlatform.Messaging.DeadLetters;

/// <summary>A message in a consumer's dead-letter queue, with why and when it got there.</summary>
public sealed record DeadLetterMessage(
    string? Id,
    string? Type,
    string? RoutingKey,
    int Attempts,
    string? LastError,
    DateTimeOffset? FailedAt,
    JsonElement? Payload,
    string? RawPayload);
