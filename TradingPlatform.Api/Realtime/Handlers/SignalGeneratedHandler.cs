using TradingPlatform.Api.Realtime.Fanout;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Realtime.Handlers;

/// <summary>
/// A signal was published: <c>signal</c> (seed 003) on the public <c>signals</c> channel, and also seed 001's
/// <c>ai_signal</c> when the AI service produced it. Published once per event id.
/// </summary>
internal sealed class SignalGeneratedHandler(PublicChannelPublisher publisher, TimeProvider time) : IIdempotentIntegrationEventHandler<SignalGeneratedIntegrationEvent>
{
    public Task HandleAsync(SignalGeneratedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        var at = Stamp.Of(e, time);
        var data = new { id = e.SignalId, e.Symbol, signal = e.Signal.ToLowerInvariant(), e.Confidence, e.Reasoning, e.Price, e.Source, e.GeneratedAt };
        List<byte[]> bodies = [Envelope.Open(MessageTypes.Signal, data, at, RealtimeChannels.Signals)];
        if (string.Equals(e.Source, "ai", StringComparison.OrdinalIgnoreCase))
        {
            bodies.Add(Envelope.Open(MessageTypes.AiSignal, data, at, RealtimeChannels.Signals));
        }

        return publisher.PublishOnceAsync(e.Id, RealtimeChannels.Signals, e.Symbol, bodies);
    }
}
