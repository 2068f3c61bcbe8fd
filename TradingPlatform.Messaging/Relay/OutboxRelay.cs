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
/// Publishes <typeparamref name="TContext"/>'s outbox to the topic exchange, in sequence order, with pipelined publisher
/// confirms: it reads a batch of unsent rows, publishes them all, awaits their confirms together, then marks the
/// confirmed ones sent, with no database transaction open while it waits on the broker. It runs in every replica: a
/// session-level advisory lock, held on the pass's connection, lets one relay at a time work (two relays reading the
/// same rows would publish them out of order), and the others find the lock taken and wait for the next pass. A row
/// is marked sent only after the broker confirmed it (and every row before it), so a crash between the two
/// republishes it (at least once; consumers deduplicate by message id). Order is the sequence order of committed rows:
/// changes to one account are serialised by its row lock, so its events keep their order; a row of a concurrent
/// transaction that commits late is still unsent and goes out on the next batch, never skipped. While the broker is
/// down the relay retries with capped exponential back-off and logs once per outage. Waits run on real time: they are
/// about a broker's recovery, and a business clock that a test holds still must not freeze the relay (the injected
/// <see cref="TimeProvider"/> stamps sent-at times and the retention cut-off).
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
    private PublisherConfirms? _confirms;
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
                await RelayPassAsync(stoppingToken);

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

    /// <summary>
    /// Takes the relay lock on a connection of its own, relays batches until fewer than a full one are left, and
    /// releases the lock (closing the connection would too). Nothing when another replica holds the lock.
    /// </summary>
    private async Task RelayPassAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var table = MessagingTables.QuotedName<OutboxMessage>(db);
        var lockKey = MessagingTables.LockKey(table);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({lockKey}) AS \"Value\"").SingleAsync(cancellationToken);
            if (!locked)
            {
                return;
            }

            try
            {
                while (await RelayBatchAsync(db, table, cancellationToken) == _options.BatchSize)
                {
                }
            }
            finally
            {
                // Best effort: if the connection is gone the server has released the lock with it.
                try
                {
                    await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({lockKey}) AS \"Value\"").SingleAsync(CancellationToken.None);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    logger.LogDebug(exception, "Releasing the relay lock failed; closing the connection releases it");
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Reads, publishes and marks one batch; returns the number of rows read. No transaction: the lock keeps other
    /// relays out, and each statement commits on its own.
    /// </summary>
    private async Task<int> RelayBatchAsync(TContext db, string table, CancellationToken cancellationToken)
    {
        // The table name comes from the model, never from input; the values are parameters.
        var select = $"SELECT * FROM {table} WHERE \"SentAt\" IS NULL ORDER BY \"Sequence\" LIMIT {{0}}";
        var markSent = $"UPDATE {table} SET \"SentAt\" = {{0}} WHERE \"Id\" = ANY({{1}})";
        var markFailed = $"UPDATE {table} SET \"Attempts\" = \"Attempts\" + 1, \"LastError\" = {{0}} WHERE \"Id\" = {{1}}";
        var rows = await db.Set<OutboxMessage>().FromSqlRaw(select, _options.BatchSize).AsNoTracking().ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        var (confirmed, failure) = await PublishAllAsync(rows, cancellationToken);
        if (confirmed > 0)
        {
            Guid[] sent = [.. rows.Take(confirmed).Select(row => row.Id)];
            await db.Database.ExecuteSqlRawAsync(markSent, [time.GetUtcNow(), sent], cancellationToken);
        }

        if (failure is not null)
        {
            // The first row the broker did not confirm: the admin endpoint shows its attempts and error. It and every
            // later row go out again on the next pass, in order.
            var failed = rows[confirmed];
            await db.Database.ExecuteSqlRawAsync(markFailed, [Truncate($"{failure.GetType().Name}: {failure.Message}"), failed.Id], CancellationToken.None);
            throw new InvalidOperationException($"Publishing an outbox message failed: {failure.Message}", failure);
        }

        return rows.Count;
    }

    /// <summary>
    /// Publishes the rows in order without waiting between them, then awaits their confirms together. Answers how many
    /// rows from the start of the batch are confirmed, and the failure that stopped the rest (null when all were).
    /// </summary>
    private async Task<(int Confirmed, Exception? Failure)> PublishAllAsync(List<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var pending = new List<(Task Confirm, Activity? Span)>(rows.Count);
        Exception? failure = null;
        try
        {
            var confirms = await GetConfirmsAsync(cancellationToken);
            foreach (var row in rows)
            {
                var span = StartSpan(row, out var headers);
                var ambient = Activity.Current;
                try
                {
                    // Current while writing, so RabbitMQ.Client's own publish span (when listened to) is its child and the
                    // context the client injects stays in the writer's trace.
                    Activity.Current = span ?? ambient;
                    pending.Add((await confirms.PublishAsync(_options.ExchangeName, row.RoutingKey, Properties(row, headers), Encoding.UTF8.GetBytes(row.Payload), cancellationToken), span));
                }
                catch
                {
                    span?.Dispose();
                    throw;
                }
                finally
                {
                    Activity.Current = ambient;
                }
            }

        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Stop writing at the first failure: a later row must never overtake this one. What was written may still
            // be confirmed below.
            failure = exception;
        }

        // Everything written before a failure to write may still be confirmed; past the first unconfirmed one, nothing counts.
        var sendFailure = failure;
        failure = null;
        var confirmed = 0;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(ConfirmTimeout);
            foreach (var (confirm, span) in pending)
            {
                try
                {
                    if (failure is null)
                    {
                        await confirm.WaitAsync(timeout.Token);
                        confirmed++;
                    }
                    else
                    {
                        span?.SetStatus(ActivityStatusCode.Error, "an earlier message was not confirmed");
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    span?.SetStatus(ActivityStatusCode.Error, exception.Message);
                    failure = exception is OperationCanceledException ? new TimeoutException($"No confirm from the broker within {ConfirmTimeout}.") : exception;
                }
                finally
                {
                    // The producer span ends when the broker's confirm reaches the relay.
                    span?.Dispose();
                }
            }
        }

        failure ??= sendFailure;
        return (confirmed, failure);
    }

    /// <summary>
    /// The producer span of one row, not made current (the batch's spans are siblings, each under its writer's trace),
    /// and the headers to publish: the row's, with the span as the consumer's parent.
    /// </summary>
    private Activity? StartSpan(OutboxMessage row, out Dictionary<string, string> headers)
    {
        headers = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Headers) ?? [];
        var ambient = Activity.Current;
        var activity = MessagingTelemetry.Start(
            $"{row.RoutingKey} publish", ActivityKind.Producer,
            headers.GetValueOrDefault(MessagingTelemetry.TraceParentHeader), headers.GetValueOrDefault(MessagingTelemetry.TraceStateHeader));
        Activity.Current = ambient;
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

        return activity;
    }

    private static BasicProperties Properties(OutboxMessage row, Dictionary<string, string> headers)
    {
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
        return properties;
    }

    /// <summary>The open channel's confirm tracking, opening a channel (and declaring the exchange) when there is none.</summary>
    private async Task<PublisherConfirms> GetConfirmsAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } && _confirms is { } tracking)
        {
            return tracking;
        }

        await CloseChannelAsync();
        var connection = await RabbitMQConnections.GetAsync(services, cancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: false), cancellationToken);
        await channel.ExchangeDeclareAsync(_options.ExchangeName, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        _channel = channel;
        _confirms = new PublisherConfirms(channel);
        return _confirms;
    }

    private async Task CloseChannelAsync()
    {
        _confirms?.Dispose();
        _confirms = null;
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
