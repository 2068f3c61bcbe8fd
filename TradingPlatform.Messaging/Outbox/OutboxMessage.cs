namespace TradingPlatform.Messaging.Outbox;

/// <summary>
/// An integration event waiting to be published (or published, until the retention period ends). It is written in the
/// same transaction as the change it records, so an event exists exactly when its change committed.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The event's id, published as the message id.</summary>
    public Guid Id { get; init; }

    /// <summary>Database-assigned (bigserial): the order in which rows are published.</summary>
    public long Sequence { get; init; }

    /// <summary>The contract's type name (<c>OrderFilledIntegrationEvent</c>), published as the message type.</summary>
    public string Type { get; init; } = "";

    public string RoutingKey { get; init; } = "";

    /// <summary>The event as JSON (jsonb).</summary>
    public string Payload { get; init; } = "{}";

    /// <summary>Message headers as a JSON object (jsonb): W3C <c>traceparent</c>/<c>tracestate</c> of the writing activity.</summary>
    public string Headers { get; init; } = "{}";

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Failed publish attempts.</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
