namespace TradingPlatform.Messaging;

/// <summary>
/// A handler whose effect is itself deduplicated by the event's id (for example a Redis log that records an id once):
/// when every handler of a contract is one of these, the consumer runs them without an inbox row and without a
/// database transaction, and a redelivery reaches the handlers again, which then do nothing. A handler that writes to
/// a database implements <see cref="IIntegrationEventHandler{TEvent}"/> only, so its effect commits with the inbox row.
/// </summary>
public interface IIdempotentIntegrationEventHandler<in TEvent> : IIntegrationEventHandler<TEvent>
    where TEvent : IntegrationEvent;
