using System.Text;
using RabbitMQ.Client;
using TradingPlatform.Messaging;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>Publishes events straight to the exchange as the relay does (message id = event id, type = contract name), for consumer tests.</summary>
public static class BrokerPublisher
{
    public static async Task PublishAsync(string messagingConnectionString, IEnumerable<IntegrationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var factory = new ConnectionFactory { Uri = new Uri(messagingConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        foreach (var integrationEvent in events)
        {
            var properties = new BasicProperties
            {
                MessageId = integrationEvent.Id.ToString(),
                Type = integrationEvent.GetType().Name,
                DeliveryMode = DeliveryModes.Persistent,
                ContentType = "application/json",
            };
            await channel.BasicPublishAsync(new MessagingOptions().ExchangeName, integrationEvent.RoutingKey, false, properties,
                Encoding.UTF8.GetBytes(IntegrationEventSerializer.Serialize(integrationEvent)));
        }
    }
}
