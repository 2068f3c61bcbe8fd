namespace TradingPlatform.Messaging.DeadLetters;

/// <summary>One consumer's dead-letter queue: how many messages it holds and the first of them.</summary>
public sealed record DeadLetterQueue(string Consumer, string Queue, long MessageCount, IReadOnlyList<DeadLetterMessage> Messages, string? Error);
