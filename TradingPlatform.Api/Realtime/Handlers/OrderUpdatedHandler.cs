using TradingPlatform.Api.Realtime.Fanout;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Realtime.Handlers;

/// <summary>An order changed: <c>order_update</c> on the owner's <c>orders</c> channel (the order as it stood).</summary>
internal sealed class OrderUpdatedHandler(UserChannelLog log, TimeProvider time) : IIntegrationEventHandler<OrderUpdatedIntegrationEvent>
{
    public Task HandleAsync(OrderUpdatedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var body = Envelope.Open(MessageTypes.OrderUpdate, integrationEvent.Order, Stamp.Of(integrationEvent, time), RealtimeChannels.Orders);
        return log.AppendAsync(integrationEvent.UserId, integrationEvent.Order.AccountId, RealtimeChannels.Orders, integrationEvent.Id, [body]);
    }
}
