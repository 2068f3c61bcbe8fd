using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using TradingPlatform.Messaging.Outbox;

namespace TradingPlatform.Messaging.Relay;

/// <summary>
/// Publishes <typeparamref name="TContext"/>'s outbox to the topic exchange, in sequence order, with publisher confirms,
/// marking rows sent in the transaction that read them. It runs in every replica: a transaction-scoped advisory lock
/// lets one relay at a time work (rows locked <c>FOR UPDATE SKIP LOCKED</c> by two relays could otherwise be published
/// out of order), and the others find the lock taken and wait for the next pass. A row is marked sent only after the
/// broker confirmed it, so a crash between the two republishes it (at least once; consumers are idempotent). Order is
/// the sequence order of committed rows: changes to one account are serialised by its row lock, so its events keep
/// their order; a row of a concurrent transaction that commits late is still unsent and goes out on the next pass,
/// never skipped. While the
/// broker is down the relay retries with capped exponential back-off and logs once per outage. Waits run on real time:
/// they are about a broker's recovery, and a business clock that a test holds still must not freeze the relay (the
/// injected <see cref="TimeProvider"/> stamps sent-at times and the retention cut-off).
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceProvider services,
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IEnumerable<IMessagingStartGate> gates,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(1);
    private readonly MessagingOptions _options = options.Value;
    private IChannel? _channel;
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await MessagingStartGates.WaitAllAsync(gates, stoppingToken))
        {
            return;
        }

        var delay = FirstRetryDelay;
        DateTimeOffset? outageSince = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int relayed;
                do
                {
                    relayed = await RelayBatchAsync(stoppingToken);
                }
                while (relayed == _options.BatchSize);

                if (outageSince is { } since)
                {
                    logger.LogInformation("The outbox relay publishes again after {Outage}", time.GetUtcNow() - since);
                    outageSince = null;
                }

                delay = FirstRetryDelay;
                await CleanUpAsync(stoppingToken);
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                if (outageSince is null)
                {
                    // Once per outage: the relay retries until the broker (or the database) answers again.
                    outageSince = time.GetUtcNow();
                    logger.LogWarning(exception, "The outbox relay cannot publish; retrying with back-off up to {MaxDelay}", _options.MaxRetryDelay);
                }

                await CloseChannelAsync();
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
        }

        await CloseChannelAsync();
    }

    /// <summary>Relays one batch; returns the number of rows read (0 when another replica holds the lock).</summary>
    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var table = MessagingTables.QuotedName<OutboxMessage>(db);
        var lockKey = MessagingTables.LockKey(table);
        // The table name comes from the model, never from input.
        var select = $"SELECT * FROM {table} WHERE \"SentAt\" IS NULL ORDER BY \"Sequence\" LIMIT {{0}} FOR UPDATE SKIP LOCKED";
        Exception? failure = null;
        var strategy = db.Database.CreateExecutionStrategy();
        var read = await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            failure = null;
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({lockKey}) AS \"Value\"").SingleAsync(token);
            if (!locked)
            {
                return 0;
            }

            var rows = await db.Set<OutboxMessage>()
                .FromSqlRaw(select, _options.BatchSize)
                .ToListAsync(token);
            if (rows.Count == 0)
            {
                return 0;
            }

            foreach (var row in rows)
            {
                try
                {
                    await PublishAsync(row, token);
                    row.SentAt = time.GetUtcNow();
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    // Stop at the first failure: a later row must never overtake this one.
                    row.Attempts++;
                    row.LastError = Truncate($"{exception.GetType().Name}: {exception.Message}");
                    failure = exception;
                    break;
                }
            }

            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return rows.Count;
        }, cancellationToken);

        return failure is null ? read : throw new InvalidOperationException($"Publishing an outbox message failed: {failure.Message}", failure);
    }

    private async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var channel = await GetChannelAsync(cancellationToken);
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Headers) ?? [];
        using var activity = MessagingTelemetry.Start(
            $"{row.RoutingKey} publish", ActivityKind.Producer,
            headers.GetValueOrDefault(MessagingTelemetry.TraceParentHeader), headers.GetValueOrDefault(MessagingTelemetry.TraceStateHeader));
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.operation.type", "send");
        activity?.SetTag("messaging.destination.name", _options.ExchangeName);
        activity?.SetTag("messaging.rabbitmq.destination.routing_key", row.RoutingKey);
        activity?.SetTag("messaging.message.id", row.Id.ToString());
        if (activity is not null)
        {
            // The consumer's span becomes a child of this producer span (same trace as the writing request).
            headers[MessagingTelemetry.TraceParentHeader] = activity.Id!;
        }

        var properties = new BasicProperties
        {
            MessageId = row.Id.ToString(),
            Type = row.Type,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(row.OccurredAt.ToUnixTimeSeconds()),
            Headers = headers.ToDictionary(pair => pair.Key, pair => (object?)pair.Value),
        };
        properties.Headers[MessageHeaders.OccurredAt] = row.OccurredAt.ToString("O", CultureInfo.InvariantCulture);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConfirmTimeout);
        // With publisher confirmation tracking this returns once the broker confirmed the message and throws on a nack.
        // Not mandatory: an event nobody subscribed to is dropped by the topic exchange, as intended.
        await channel.BasicPublishAsync(_options.ExchangeName, row.RoutingKey, mandatory: false, properties, Encoding.UTF8.GetBytes(row.Payload), timeout.Token);
    }

    private async Task<IChannel> GetChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
        {
            return open;
        }

        await CloseChannelAsync();
        var connection = await RabbitMQConnections.GetAsync(services, cancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await channel.ExchangeDeclareAsync(_options.ExchangeName, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        _channel = channel;
        return channel;
    }

    private async Task CloseChannelAsync()
    {
        if (_channel is { } channel)
        {
            _channel = null;
            try
            {
                await channel.DisposeAsync();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                logger.LogDebug(exception, "Closing the relay's channel failed");
            }
        }
    }

    /// <summary>Deletes rows sent longer ago than the retention period (about once a minute).</summary>
    private async Task CleanUpAsync(CancellationToken cancellationToken)
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
        var deleted = await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} outbox messages sent before {Cutoff}", deleted, cutoff);
        }
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}
