using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.AiService.Forecasting;

/// <summary>
/// Hears <see cref="ModelActivatedIntegrationEvent"/> on every replica and wakes <see cref="ActiveModelsRefresher"/>.
/// Not the platform's durable consumer (TradingPlatform.Messaging's consumers share a queue, so one replica of a service
/// gets each event): each replica binds a queue of its own that the broker deletes with its connection, and needs no
/// inbox, since a refresh reads the registry and a second one changes nothing. An event missed while this replica was
/// not connected is covered by the refresher's periodic refresh.
/// </summary>
internal sealed class ModelActivationListener(
    IServiceProvider services, ActiveModelsRefresher refresher, IOptions<MessagingOptions> options, IOptions<ServingOptions> serving, TimeProvider time,
    ILogger<ModelActivationListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IChannel? _channel;

    /// <summary>Completed once this replica's queue is bound and consumed (tests wait on it before activating).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
                _listening.TrySetResult();
                return; // the client's automatic recovery re-creates the queue, binding and consumer after a broker restart
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Cannot listen for model activations yet; serving models still refresh every {Interval}", serving.Value.RefreshInterval);
                await Task.Delay(RetryDelay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var connection = await RabbitMQConnections.GetAsync(services, cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            var exchange = options.Value.ExchangeName;
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            var queue = await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue.QueueName, exchange, ModelActivatedIntegrationEvent.Key, cancellationToken: cancellationToken);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, _) =>
            {
                refresher.Wake();
                return Task.CompletedTask;
            };
            await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
            _channel = channel;
        }
        catch
        {
            await channel.DisposeAsync();
            throw;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Taken once: the host may stop twice (WebApplicationFactory's disposal). Closing the channel is a courtesy, as
        // its exclusive queue goes with the connection anyway; the connection may have gone first (closed by the
        // broker, or disposed with the container), where RabbitMQ.Client throws ObjectDisposedException or
        // AlreadyClosedException, which must not fail the host's stop (a test's disposal saw the first).
        if (Interlocked.Exchange(ref _channel, null) is { } channel)
        {
            try
            {
                await channel.DisposeAsync();
            }
            catch (Exception exception) when (exception is ObjectDisposedException or RabbitMQ.Client.Exceptions.AlreadyClosedException)
            {
                logger.LogDebug("The model activation channel was already closed at stop ({Reason})", exception.Message);
            }
        }
    }
}
