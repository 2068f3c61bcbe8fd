namespace TradingPlatform.Messaging;

/// <summary>
/// Handles one kind of integration event inside a consumer. Handlers are resolved from the message's own DI scope, so a
/// scoped DbContext they inject is the one whose transaction also records the message in the inbox: the effect and the
/// inbox row commit together, and the message is acked only after that commit.
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
