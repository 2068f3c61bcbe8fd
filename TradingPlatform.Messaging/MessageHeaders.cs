namespace TradingPlatform.Messaging;

/// <summary>Header names this library sets on messages (besides W3C <c>traceparent</c>/<c>tracestate</c>).</summary>
public static class MessageHeaders
{
    public const string OccurredAt = "x-occurred-at";

    /// <summary>Failed deliveries so far, counted by the consumer when it schedules a retry.</summary>
    public const string Attempts = "x-attempts";

    public const string LastError = "x-last-error";

    public const string FailedAt = "x-failed-at";

    public const string Consumer = "x-consumer";

    /// <summary>The routing key the message was published with (retries and dead letters go through the default exchange).</summary>
    public const string OriginalRoutingKey = "x-original-routing-key";
}
