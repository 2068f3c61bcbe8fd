using System.Diagnostics;
using StackExchange.Redis;

namespace TradingPlatform.Bench.Realtime;

/// <summary>Raw Redis pub/sub: publish a message and wait until this process's own subscription receives it, one at a time.</summary>
internal static class RedisRoundTrip
{
    public static async Task<List<double>> MeasureAsync(string connectionString, int count)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var channel = RedisChannel.Literal($"bench:rtt:{Guid.NewGuid():N}");
        var subscriber = redis.GetSubscriber();
        TaskCompletionSource? pending = null;
        await subscriber.SubscribeAsync(channel, (_, _) => Volatile.Read(ref pending)?.TrySetResult());
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref pending, arrived);
            var started = Stopwatch.GetTimestamp();
            await subscriber.PublishAsync(channel, i);
            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(5));
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        await subscriber.UnsubscribeAllAsync();
        return latencies;
    }
}
