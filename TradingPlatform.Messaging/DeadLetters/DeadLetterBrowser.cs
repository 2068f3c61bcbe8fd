using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using TradingPlatform.Messaging.Consumers;

namespace TradingPlatform.Messaging.DeadLetters;

/// <summary>
/// Reads dead-letter queues without consuming them: it gets up to a limit of messages unacknowledged on a channel of
/// its own and closes that channel, which returns every one of them to the queue in place. The queues are those of
/// this service's consumers and <see cref="MessagingOptions.DeadLetterConsumers"/>.
/// </summary>
public sealed class DeadLetterBrowser(IServiceProvider services, IEnumerable<ConsumerRegistration> registrations, IOptions<MessagingOptions> options)
{
    public IReadOnlyList<string> Consumers =>
        [.. registrations.Select(r => r.EffectiveName(options.Value)).Concat(options.Value.DeadLetterConsumers).Distinct(StringComparer.Ordinal)];

    public async Task<IReadOnlyList<DeadLetterQueue>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var connection = await RabbitMQConnections.GetAsync(services, cancellationToken);
        var queues = new List<DeadLetterQueue>();
        foreach (var consumer in Consumers)
        {
            queues.Add(await PeekAsync(connection, consumer, limit, cancellationToken));
        }

        return queues;
    }

    /// <summary>Moves one dead letter back to its consumer's queue with a fresh attempt count; false when it is not there.</summary>
    public async Task<bool> ReplayAsync(string consumer, string messageId, CancellationToken cancellationToken)
    {
        var queues = new ConsumerQueues(consumer);
        var connection = await RabbitMQConnections.GetAsync(services, cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var count = (await channel.QueueDeclarePassiveAsync(queues.DeadLetter, cancellationToken)).MessageCount;
        for (var i = 0; i < count; i++)
        {
            var result = await channel.BasicGetAsync(queues.DeadLetter, autoAck: false, cancellationToken);
            if (result is null)
            {
                break;
            }

            if (result.BasicProperties.MessageId != messageId)
            {
                continue;
            }

            var headers = result.BasicProperties.Headers is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(result.BasicProperties.Headers);
            headers.Remove(MessageHeaders.Attempts);
            var properties = new BasicProperties(result.BasicProperties) { Headers = headers };
            // Confirmed before the dead letter is acked: at worst the message is in both queues, never in none.
            await channel.BasicPublishAsync("", queues.Queue, mandatory: true, properties, result.Body, cancellationToken);
            await channel.BasicAckAsync(result.DeliveryTag, multiple: false, cancellationToken);
            return true;
        }

        // Closing the channel returns the messages passed over to the queue.
        return false;
    }

    private static async Task<DeadLetterQueue> PeekAsync(IConnection connection, string consumer, int limit, CancellationToken cancellationToken)
    {
        var queue = new ConsumerQueues(consumer).DeadLetter;
        try
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            var count = (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
            var messages = new List<DeadLetterMessage>();
            while (messages.Count < Math.Min(limit, count))
            {
                var result = await channel.BasicGetAsync(queue, autoAck: false, cancellationToken);
                if (result is null)
                {
                    break;
                }

                messages.Add(Describe(result));
            }

            // Disposing the channel without acks returns the messages.
            return new DeadLetterQueue(consumer, queue, count, messages, null);
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == 404)
        {
            return new DeadLetterQueue(consumer, queue, 0, [], null);
        }
    }

    private static DeadLetterMessage Describe(BasicGetResult result)
    {
        var headers = result.BasicProperties.Headers;
        var raw = Encoding.UTF8.GetString(result.Body.Span);
        JsonElement? payload;
        try
        {
            using var document = JsonDocument.Parse(raw);
            payload = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            payload = null;
        }

        var failedAt = DateTimeOffset.TryParse(
            HeaderValues.ReadString(headers, MessageHeaders.FailedAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : (DateTimeOffset?)null;
        return new DeadLetterMessage(
            result.BasicProperties.MessageId,
            result.BasicProperties.Type,
            HeaderValues.ReadString(headers, MessageHeaders.OriginalRoutingKey),
            HeaderValues.ReadInt(headers, MessageHeaders.Attempts),
            HeaderValues.ReadString(headers, MessageHeaders.LastError),
            failedAt,
            payload,
            payload is null ? raw : null);
    }
}
