using TradingPlatform.Api.Realtime.Fanout;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Realtime.Handlers;

/// <summary>
/// A forecasting model became the serving one of a symbol and interval: <c>model_activated</c> on the public
/// <c>signals</c> channel of that symbol, so that a client showing its forecast fetches the new one. Published once per
/// event id.
/// </summary>
internal sealed class ModelActivatedHandler(PublicChannelPublisher publisher, TimeProvider time) : IIdempotentIntegrationEventHandler<ModelActivatedIntegrationEvent>
{
    public Task HandleAsync(ModelActivatedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        var data = new { e.ModelId, model = e.Name, e.Version, e.Symbol, e.Interval, e.Decision, e.ActivatedAt };
        return publisher.PublishOnceAsync(e.Id, RealtimeChannels.Signals, e.Symbol,
            [Envelope.Open(MessageTypes.ModelActivated, data, Stamp.Of(e, time), RealtimeChannels.Signals)]);
    }
}
