using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using TradingPlatform.Messaging.Inbox;

namespace TradingPlatform.Messaging.Consumers;

/// <summary>
/// A durable queue per consumer, bound to the routing key of every contract that has an
/// <see cref="IIntegrationEventHandler{TEvent}"/> registered. Deliveries are read as they arrive and handed to one of
/// <see cref="MessagingOptions.ConsumerConcurrency"/> partitions by the event's <see cref="IntegrationEvent.PartitionKey"/>
/// (the message id when it has none): each partition handles its messages one after another, in arrival order, so an
/// account's changes keep their order while different accounts are handled side by side; the prefetch bounds what
/// waits. Each message runs in its own DI scope. When a handler needs it (see
/// <see cref="IIdempotentIntegrationEventHandler{TEvent}"/>), one transaction of <typeparamref name="TContext"/> first
/// inserts the inbox row (a redelivery finds it and is acked without a second effect), then runs the handlers and
/// commits; handlers that deduplicate their own effect run without inbox or transaction. The message is acked only
/// after that. A failure is retried through the retry queue with exponential back-off, counted in a header; after
/// <see cref="MessagingOptions.MaxAttempts"/> (or at once when the message cannot be read) it is moved to the
/// dead-letter queue. Moves are published with confirms before the original is acked, so nothing is lost. Back-off
/// waits run on real time (see <see cref="Relay.OutboxRelay{TContext}"/>); the injected clock stamps the inbox.
/// </summary>
public sealed class IntegrationEventConsumer<TContext>(
    ConsumerRegistration registration,
    IServiceProvider services,
    IServiceScopeFactory scopes,
    IEnumerable<IMessagingStartGate> gates,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    ILogger<IntegrationEventConsumer<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private static readonly TimeSpan FirstSetupDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(10);
    private readonly MessagingOptions _options = options.Value;
    private readonly ConsumerQueues _queues = new(registration.EffectiveName(options.Value));
    private readonly SemaphoreSlim _publishGate = new(1, 1);
    private readonly SemaphoreSlim _ackGate = new(1, 1);
    private Channel<ConsumerDelivery>[] _partitions = [];
    private HashSet<Type> _handled = [];
    private IChannel? _consumeChannel;
    private IChannel? _publishChannel;
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;
    private bool _subscribedToRecovery;

    private readonly TaskCompletionSource _consuming = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => _queues.Name;

    /// <summary>Completes once the topology is declared and the consumer subscribed (events published from then on reach it).</summary>
    public Task Consuming => _consuming.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await MessagingStartGates.WaitAllAsync(gates, stoppingToken))
        {
            return;
        }

        var isService = services.GetRequiredService<IServiceProviderIsService>();
        _handled = [.. IntegrationEventTypes.All.Where(type => isService.IsService(HandlerInvoker.HandlerType(type)))];
        if (_handled.Count == 0)
        {
            logger.LogInformation("Consumer {Consumer} has no integration event handlers; it does not start", Name);
            return;
        }

        _partitions = [.. Enumerable.Range(0, _options.ConsumerConcurrency)
            .Select(_ => Channel.CreateUnbounded<ConsumerDelivery>(new UnboundedChannelOptions { SingleReader = true }))];
        var workers = _partitions.Select(partition => Task.Run(() => RunPartitionAsync(partition.Reader, stoppingToken), CancellationToken.None)).ToList();
        await ConsumeAsync(stoppingToken);
        foreach (var partition in _partitions)
        {
            partition.Writer.TryComplete();
        }

        // A message in hand when the service stops stays unacked: the broker redelivers it to the next consumer.
        await Task.WhenAll(workers);
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        var delay = FirstSetupDelay;
        var loggedOutage = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StartConsumingAsync(stoppingToken);
                _consuming.TrySetResult();
                logger.LogInformation("Consumer {Consumer} consumes {Types}", Name, string.Join(", ", _handled.Select(t => t.Name).Order(StringComparer.Ordinal)));
                break;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                if (!loggedOutage)
                {
                    loggedOutage = true;
                    logger.LogWarning(exception, "Consumer {Consumer} cannot reach the broker; retrying with back-off", Name);
                }

                await CloseChannelsAsync();
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
        }

        // From here RabbitMQ.Client's automatic recovery reconnects, re-declares the topology it saw declared and
        // re-subscribes the consumer after a broker restart; this loop only deletes old inbox rows.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CleanUpInboxAsync(stoppingToken);
                await Task.Delay(CleanupInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Consumer {Consumer} could not delete old inbox rows", Name);
                await Task.Delay(CleanupInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await CloseChannelsAsync();
    }

    public override void Dispose()
    {
        _publishGate.Dispose();
        _ackGate.Dispose();
        base.Dispose();
    }

    private async Task StartConsumingAsync(CancellationToken cancellationToken)
    {
        var connection = await RabbitMQConnections.GetAsync(services, cancellationToken);
        _publishChannel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        // One callback at a time: deliveries are partitioned in arrival order, which is what keeps one key's order.
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false, consumerDispatchConcurrency: 1),
            cancellationToken);
        _consumeChannel = channel;
        await DeclareTopologyAsync(channel, cancellationToken);
        await channel.BasicQosAsync(0, _options.Prefetch, global: false, cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(channel, delivery);
        await channel.BasicConsumeAsync(_queues.Queue, autoAck: false, consumerTag: "", noLocal: false, exclusive: false,
            arguments: null, consumer, cancellationToken);
        if (!_subscribedToRecovery)
        {
            _subscribedToRecovery = true;
            connection.RecoverySucceededAsync += (_, _) => RedeclareAsync(connection);
        }
    }

    /// <summary>
    /// After automatic recovery, declares the topology again on a fresh channel. Recovery replays what this connection
    /// declared; this also covers a broker that came back without its durable definitions.
    /// </summary>
    private async Task RedeclareAsync(IConnection connection)
    {
        try
        {
            await using var channel = await connection.CreateChannelAsync();
            await DeclareTopologyAsync(channel, CancellationToken.None);
            logger.LogInformation("Consumer {Consumer} re-declared its topology after the connection recovered", Name);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogWarning(exception, "Consumer {Consumer} could not re-declare its topology after recovery", Name);
        }
    }

    /// <summary>Idempotent: the exchange, the three queues and one binding per handled routing key.</summary>
    private async Task DeclareTopologyAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(_options.ExchangeName, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(_queues.Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(_queues.Retry, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?>
        {
            // A retried message waits here for its per-message TTL, then the broker dead-letters it back to the queue.
            ["x-dead-letter-exchange"] = "",
            ["x-dead-letter-routing-key"] = _queues.Queue,
        }, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(_queues.DeadLetter, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        var handledKeys = _handled.Select(IntegrationEventTypes.RoutingKeyOf).ToHashSet(StringComparer.Ordinal);
        foreach (var routingKey in handledKeys)
        {
            await channel.QueueBindAsync(_queues.Queue, _options.ExchangeName, routingKey, cancellationToken: cancellationToken);
        }

        // A contract whose handler was removed since the last start must stop arriving (unbinding a missing binding is a no-op).
        foreach (var routingKey in IntegrationEventTypes.All.Select(IntegrationEventTypes.RoutingKeyOf).Where(key => !handledKeys.Contains(key)).Distinct(StringComparer.Ordinal))
        {
            await channel.QueueUnbindAsync(_queues.Queue, _options.ExchangeName, routingKey, cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// The client's callback (one at a time per channel): copies the delivery, reads its event and queues it on its
    /// partition. Reading here keeps the partition choice cheap and exact: the key is the event's own.
    /// </summary>
    private Task OnReceivedAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        var body = delivery.Body.ToArray();
        var integrationEvent = TryRead(delivery.BasicProperties, body, out var read, out var problem) ? read : null;
        var item = new ConsumerDelivery(channel, delivery.DeliveryTag, delivery.RoutingKey, delivery.BasicProperties, body, integrationEvent, problem);
        var key = integrationEvent?.PartitionKey ?? delivery.BasicProperties.MessageId ?? "";
        var partition = _partitions[ConsumerPartitions.Of(key, _partitions.Length)];
        // Unbounded (the prefetch bounds it), so the write succeeds unless the consumer is stopping; then the message
        // stays unacked and is redelivered.
        partition.Writer.TryWrite(item);
        return Task.CompletedTask;
    }

    private async Task RunPartitionAsync(ChannelReader<ConsumerDelivery> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in reader.ReadAllAsync(stoppingToken))
            {
                await HandleDeliveryAsync(delivery, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued was never acked and is redelivered.
        }
    }

    private async Task HandleDeliveryAsync(ConsumerDelivery delivery, CancellationToken cancellationToken)
    {
        var properties = delivery.Properties;
        var attempts = HeaderValues.ReadInt(properties.Headers, MessageHeaders.Attempts);
        using var activity = MessagingTelemetry.Start(
            $"{delivery.RoutingKey} process", ActivityKind.Consumer,
            HeaderValues.ReadString(properties.Headers, MessagingTelemetry.TraceParentHeader), HeaderValues.ReadString(properties.Headers, MessagingTelemetry.TraceStateHeader));
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.operation.type", "process");
        activity?.SetTag("messaging.destination.name", _queues.Queue);
        activity?.SetTag("messaging.consumer.group.name", Name);
        activity?.SetTag("messaging.message.id", properties.MessageId);
        try
        {
            if (delivery.Event is not { } integrationEvent)
            {
                logger.LogError("Consumer {Consumer} cannot read message {MessageId} ({Type}): {Problem}; dead-lettering it", Name, properties.MessageId, properties.Type, delivery.Problem);
                await MoveAsync(_queues.DeadLetter, delivery, attempts, delivery.Problem, expiration: null, cancellationToken);
                await AckAsync(delivery, cancellationToken);
                return;
            }

            try
            {
                var processed = await ProcessAsync(integrationEvent, cancellationToken);
                activity?.SetTag("messaging.duplicate", !processed);
                await AckAsync(delivery, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                // The database being unreachable is not the message's fault: it waits with back-off without using an attempt.
                var transient = IsTransient(exception);
                var attempt = transient ? attempts : attempts + 1;
                var error = $"{exception.GetType().Name}: {exception.Message}";
                if (!transient && attempt >= _options.MaxAttempts)
                {
                    logger.LogError(exception, "Consumer {Consumer} failed message {MessageId} ({Type}) {Attempts} times; dead-lettering it",
                        Name, integrationEvent.Id, properties.Type, attempt);
                    await MoveAsync(_queues.DeadLetter, delivery, attempt, error, expiration: null, cancellationToken);
                }
                else
                {
                    var delay = transient ? _options.MaxRetryDelay : RetryDelay(attempt);
                    logger.LogWarning(exception, "Consumer {Consumer} failed message {MessageId} ({Type}), attempt {Attempt} of {MaxAttempts}; retrying in {Delay}",
                        Name, integrationEvent.Id, properties.Type, attempt, _options.MaxAttempts, delay);
                    await MoveAsync(_queues.Retry, delivery, attempt, error, delay, cancellationToken);
                }

                await AckAsync(delivery, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The move itself failed (the broker went away): the message stays unacked and is redelivered, never lost.
            logger.LogWarning(exception, "Consumer {Consumer} could not settle message {MessageId}; it will be redelivered", Name, properties.MessageId);
            if (delivery.Channel.IsOpen)
            {
                await _ackGate.WaitAsync(CancellationToken.None);
                try
                {
                    await delivery.Channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
                }
                finally
                {
                    _ackGate.Release();
                }
            }
        }
    }

    /// <summary>Acks from every partition go through one gate: the consuming channel is shared.</summary>
    private async Task AckAsync(ConsumerDelivery delivery, CancellationToken cancellationToken)
    {
        await _ackGate.WaitAsync(cancellationToken);
        try
        {
            await delivery.Channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
        }
        finally
        {
            _ackGate.Release();
        }
    }

    /// <summary>
    /// Inbox row, handlers, commit; or the handlers alone when they all deduplicate their own effect. Returns false when
    /// the inbox shows the message was processed before (a redelivery).
    /// </summary>
    private async Task<bool> ProcessAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!HandlerInvoker.NeedsInbox(scope.ServiceProvider, integrationEvent.GetType()))
        {
            await HandlerInvoker.HandleAsync(scope.ServiceProvider, integrationEvent, cancellationToken);
            return true;
        }

        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // The table name comes from the model, never from input; the values are parameters.
        var insert = $"INSERT INTO {MessagingTables.QuotedName<InboxMessage>(db)} (\"MessageId\", \"Consumer\", \"Type\", \"ProcessedAt\") "
            + "VALUES ({0}, {1}, {2}, {3}) ON CONFLICT DO NOTHING";
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            // A concurrent delivery of the same id waits on the key here until the first commits, then inserts nothing.
            var inserted = await db.Database.ExecuteSqlRawAsync(insert, [integrationEvent.Id, Name, integrationEvent.GetType().Name, time.GetUtcNow()], token);
            if (inserted == 0)
            {
                await transaction.RollbackAsync(token);
                logger.LogDebug("Consumer {Consumer} already processed message {MessageId}; skipping it", Name, integrationEvent.Id);
                return false;
            }

            await HandlerInvoker.HandleAsync(scope.ServiceProvider, integrationEvent, token);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return true;
        }, cancellationToken);
    }

    private bool TryRead(IReadOnlyBasicProperties properties, byte[] body, out IntegrationEvent integrationEvent, out string problem)
    {
        integrationEvent = null!;
        var type = IntegrationEventTypes.Find(properties.Type);
        if (type is null)
        {
            problem = $"Unknown message type '{properties.Type}'.";
            return false;
        }

        if (!_handled.Contains(type))
        {
            problem = $"Consumer {Name} has no handler for message type '{type.Name}'.";
            return false;
        }

        try
        {
            integrationEvent = IntegrationEventSerializer.Deserialize(body, type);
        }
        catch (JsonException exception)
        {
            problem = $"The body is not a valid {type.Name}: {exception.Message}";
            return false;
        }

        if (!Guid.TryParse(properties.MessageId, out var messageId) || messageId != integrationEvent.Id)
        {
            problem = "The message id is missing or differs from the event's id.";
            return false;
        }

        problem = "";
        return true;
    }

    /// <summary>Publishes a copy (with the attempt count and the error) to a queue of this consumer and waits for the confirm.</summary>
    private async Task MoveAsync(string queue, ConsumerDelivery delivery, int attempts, string error, TimeSpan? expiration, CancellationToken cancellationToken)
    {
        var source = delivery.Properties;
        var headers = source.Headers is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(source.Headers);
        headers[MessageHeaders.Attempts] = attempts;
        headers[MessageHeaders.LastError] = error.Length <= 2000 ? error : error[..2000];
        headers[MessageHeaders.FailedAt] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        headers[MessageHeaders.Consumer] = Name;
        if (!headers.ContainsKey(MessageHeaders.OriginalRoutingKey))
        {
            headers[MessageHeaders.OriginalRoutingKey] = delivery.RoutingKey;
        }

        var properties = new BasicProperties
        {
            MessageId = source.MessageId,
            Type = source.Type,
            ContentType = source.ContentType,
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = source.Timestamp,
            Headers = headers,
            Expiration = expiration is { } delay ? ((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) : null,
        };
        var channel = _publishChannel ?? throw new InvalidOperationException("The consumer has not started.");
        // One publisher channel is shared by every delivery; confirms are awaited one message at a time.
        await _publishGate.WaitAsync(cancellationToken);
        try
        {
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, delivery.Body, cancellationToken);
        }
        finally
        {
            _publishGate.Release();
        }
    }

    private static bool IsTransient(Exception exception) =>
        exception is Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException or Npgsql.NpgsqlException { IsTransient: true }
        || exception.InnerException is Npgsql.NpgsqlException { IsTransient: true };

    private TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromTicks(Math.Min(_options.FirstRetryDelay.Ticks * (1L << Math.Min(attempt - 1, 30)), _options.MaxRetryDelay.Ticks));

    private async Task CleanUpInboxAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now + CleanupInterval;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = now - _options.Retention;
        var name = Name;
        await db.Set<InboxMessage>().Where(m => m.Consumer == name && m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task CloseChannelsAsync()
    {
        foreach (var channel in new[] { _consumeChannel, _publishChannel })
        {
            if (channel is null)
            {
                continue;
            }

            try
            {
                await channel.DisposeAsync();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                logger.LogDebug(exception, "Closing a channel of consumer {Consumer} failed", Name);
            }
        }

        _consumeChannel = null;
        _publishChannel = null;
    }
}
