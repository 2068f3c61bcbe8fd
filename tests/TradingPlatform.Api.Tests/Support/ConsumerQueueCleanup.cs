using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using TradingPlatform.Messaging.Consumers;

namespace TradingPlatform.Api.Tests.Support;

/// <summary>
/// Deletes the broker queues of an Api instance's consumer once nobody consumes them. Every <see cref="ApiFactory"/>
/// has a queue of its own (its Redis key prefix is in the name), durable and bound to the shared exchange: left
/// behind, each would go on receiving, and the broker persisting, every later test's events, and every publish would
/// wait for more queues before its confirm.
/// </summary>
internal static class ConsumerQueueCleanup
{
    // AMQP PRECONDITION_FAILED: queue.delete with if-unused on a queue that still has a consumer.
    private const ushort PreconditionFailed = 406;

    public static async Task DeleteAsync(string? messagingConnectionString, string consumerName)
    {
        if (string.IsNullOrEmpty(messagingConnectionString))
        {
            return;
        }

        var queues = new ConsumerQueues(consumerName);
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(messagingConnectionString) };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            // If-unused: a replica of this instance (same prefix, same queue) may still be running; the last one deletes.
            await channel.QueueDeleteAsync(queues.Queue, ifUnused: true);
            await channel.QueueDeleteAsync(queues.Retry);
            await channel.QueueDeleteAsync(queues.DeadLetter);
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == PreconditionFailed)
        {
            // Still consumed by a replica: it cleans up when it goes.
        }
        catch (BrokerUnreachableException)
        {
            // A test that stopped its broker leaves nothing to clean.
        }
    }
}
