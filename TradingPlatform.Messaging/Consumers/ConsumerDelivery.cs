using RabbitMQ.Client;

namespace TradingPlatform.Messaging.Consumers;

/// <summary>
/// A delivery as a consumer's partition holds it until a handler is free: the body copied out of the client's buffer
/// (valid only during the client's callback), and the event read from it, or why it could not be read.
/// </summary>
internal sealed record ConsumerDelivery(
    IChannel Channel,
    ulong DeliveryTag,
    string RoutingKey,
    IReadOnlyBasicProperties Properties,
    ReadOnlyMemory<byte> Body,
    IntegrationEvent? Event,
    string Problem);
