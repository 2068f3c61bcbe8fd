namespace TradingPlatform.Messaging.Outbox;

/// <summary>How far the relay is behind: unsent rows, the oldest one's age, and why the next one last failed.</summary>
public sealed record OutboxStatus(
    long Pending,
    DateTimeOffset? OldestPendingAt,
    TimeSpan? OldestPendingAge,
    int NextAttempts,
    string? NextLastError,
    DateTimeOffset? LastSentAt);
