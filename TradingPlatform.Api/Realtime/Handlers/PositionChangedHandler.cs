using TradingPlatform.Api.Realtime.Fanout;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Realtime.Handlers;

/// <summary>A position opened, changed or closed: seed 000's <c>position_update</c> on the owner's <c>positions</c> channel.</summary>
internal sealed class PositionChangedHandler(UserChannelLog log, TimeProvider time) : IIntegrationEventHandler<PositionChangedIntegrationEvent>
{
    public Task HandleAsync(PositionChangedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var at = Stamp.Of(integrationEvent, time);
        var data = new PositionUpdateData(integrationEvent.Action.ToUpperInvariant(), integrationEvent.Position, at);
        var body = Envelope.Open(MessageTypes.PositionUpdate, data, at, RealtimeChannels.Positions);
        return log.AppendAsync(integrationEvent.UserId, integrationEvent.Position.AccountId, RealtimeChannels.Positions, integrationEvent.Id, [body]);
    }
}
