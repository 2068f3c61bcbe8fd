using TradingPlatform.Messaging;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>Records every event of its type (a handler registered the way the Api's real-time handlers are).</summary>
public sealed class RecordingHandler<TEvent>(ReceivedEvents received) : IIntegrationEventHandler<TEvent>
    where TEvent : IntegrationEvent
{
    public Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        received.Add(integrationEvent);
        return Task.CompletedTask;
    }
}
