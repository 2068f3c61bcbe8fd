namespace TradingPlatform.Messaging.Inbox;

/// <summary>
/// A message a consumer has processed, written in the same transaction as the handler's effect: a redelivery of the
/// same message id to the same consumer finds it and has no second effect.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    public string Consumer { get; init; } = "";

    public string Type { get; init; } = "";

    public DateTimeOffset ProcessedAt { get; init; }
}
