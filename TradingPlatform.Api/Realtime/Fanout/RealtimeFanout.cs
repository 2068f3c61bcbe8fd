using System.Diagnostics;
using System.Text.Json;
using StackExchange.Redis;
using TradingPlatform.Api.Realtime.Connections;
using TradingPlatform.Api.Realtime.Protocol;

namespace TradingPlatform.Api.Realtime.Fanout;

/// <summary>
/// Every replica's receiving end of the fan-out: subscribes to the user, public and price channels in Redis and hands
/// each message to this replica's connections. StackExchange.Redis's channel queues deliver one message at a time in
/// publish order, so a user channel's seqs reach a connection in order. Subscribing retries in the background until
/// Redis answers: a Redis outage at start-up delays real-time delivery (and shows in the cache health check) rather than
/// stopping the Api from starting.
/// </summary>
internal sealed class RealtimeFanout(
    IConnectionMultiplexer redis,
    UserChannelLog log,
    PublicChannelPublisher publisher,
    ConnectionRegistry registry,
    SubscriberIndex index,
    TimeProvider time,
    ILogger<RealtimeFanout> logger) : IHostedService, IDisposable
{
    private readonly CandleTracker _candles = new();

    // The subscriber arrays one price batch was queued to, woken together at its end (used only by the price reader).
    private readonly List<Subscriber[]> _toWake = [];
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);
    private readonly List<ChannelMessageQueue> _queues = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _stopped;
    private Task _subscribing = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscribing = SubscribeUntilConnectedAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    private async Task SubscribeUntilConnectedAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SubscribeAsync();
                return;
            }
            catch (RedisException exception)
            {
                logger.LogWarning("Subscribing to the WebSocket fan-out failed ({Reason}); retrying in {Delay}", exception.Message, delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _stopped, 1);
        _stopping.Dispose();
    }

    private async Task SubscribeAsync()
    {
        var subscriber = redis.GetSubscriber();
        var user = await subscriber.SubscribeAsync(log.PubSubChannel);
        user.OnMessage(message => Safely(() => OnUser(message.Message)));
        var prices = await subscriber.SubscribeAsync(publisher.PricesChannel);
        prices.OnMessage(message => Safely(() => OnPrices(message.Message)));
        var shared = await subscriber.SubscribeAsync(publisher.PublicChannel);
        shared.OnMessage(message => Safely(() => OnPublic(message.Message)));
        lock (_queues)
        {
            _queues.AddRange([user, prices, shared]);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host may stop twice (WebApplicationFactory disposal), the second time after the container disposed this
        // singleton: cancelling a disposed source throws ObjectDisposedException, which failed a test's disposal.
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _subscribing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        ChannelMessageQueue[] queues;
        lock (_queues)
        {
            queues = [.. _queues];
            _queues.Clear();
        }

        // Unsubscribing at shutdown is a courtesy: the local queue completes at once (no more deliveries), and the
        // server drops the subscriptions with the connection anyway. So the command is fire-and-forget, and nothing
        // the connection does meanwhile may fail the host's stop: the multiplexer may have gone first (it is a
        // singleton disposed with the container), or the physical connection may be recycling, where
        // StackExchange.Redis throws InvalidOperationException ("Reading is not allowed after reader was completed")
        // from its completed pipe; CI saw that one fail a test's disposal.
        foreach (var queue in queues)
        {
            try
            {
                await queue.UnsubscribeAsync(CommandFlags.FireAndForget);
            }
            catch (Exception exception) when (exception is ObjectDisposedException or RedisException or InvalidOperationException)
            {
                logger.LogDebug("Unsubscribing {Channel} at shutdown failed ({Reason}); the connection drops it", queue.Channel, exception.Message);
            }
        }
    }

    private void OnUser(RedisValue value)
    {
        if (!UserChannelLog.TryParse(value!, out var userId, out var accountId, out var channel, out var seq, out var message))
        {
            return;
        }

        foreach (var connection in registry.All)
        {
            connection.DeliverUser(userId, accountId, channel, seq, message);
        }
    }

    /// <summary>
    /// A batch of ticks: each price (and each candle it updates) is serialised once, only when someone subscribes to it,
    /// and the same bytes are queued to every subscriber; the subscribers' send loops are woken once the whole batch is
    /// queued. The receipt time goes with every message for the send-latency histogram.
    /// </summary>
    private void OnPrices(RedisValue value)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        var prices = JsonSerializer.Deserialize<List<PriceUpdateData>>((byte[])value!, Envelope.Json) ?? [];
        var now = time.GetUtcNow();
        try
        {
            foreach (var price in prices)
            {
                var key = Subscription.Key(RealtimeChannels.Prices, price.Symbol, null);
                Queue(index.For(key), MessageTypes.PriceUpdate, price, now, RealtimeChannels.Prices, key, receivedAt);
                // The forming candles are kept whether or not anyone subscribes to them.
                foreach (var candle in _candles.Update(price))
                {
                    var candleKey = Subscription.Key(RealtimeChannels.Candles, price.Symbol, candle.Interval);
                    Queue(index.For(candleKey), MessageTypes.Candle, candle, now, RealtimeChannels.Candles, candleKey, receivedAt);
                }
            }
        }
        finally
        {
            foreach (var subscribers in _toWake)
            {
                foreach (var subscriber in subscribers)
                {
                    subscriber.Connection.Wake();
                }
            }

            _toWake.Clear();
        }
    }

    private void Queue(Subscriber[] subscribers, string type, object data, DateTimeOffset now, string channel, string key, long receivedAt)
    {
        if (subscribers.Length == 0)
        {
            return;
        }

        var body = Envelope.Open(type, data, now, channel);
        foreach (var subscriber in subscribers)
        {
            subscriber.Connection.DeliverBroadcast(subscriber.Subscription, body, key, receivedAt, wake: false);
        }

        _toWake.Add(subscribers);
    }

    private void OnPublic(RedisValue value)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        if (!PublicChannelPublisher.TryParse(value!, out var channel, out _, out var body))
        {
            return;
        }

        foreach (var subscriber in index.For(Subscription.Key(channel, null, null)))
        {
            subscriber.Connection.DeliverBroadcast(subscriber.Subscription, body, null, receivedAt);
        }
    }

    private void Safely(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
        {
            logger.LogWarning(exception, "A WebSocket fan-out message could not be delivered");
        }
    }
}
