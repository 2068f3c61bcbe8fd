using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using TradingPlatform.Api.Realtime.Fanout;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Realtime;

/// <summary>
/// Stopping the fan-out never fails the host's stop, whatever state the Redis connection is in, and a stopped fan-out
/// has left the server's channels.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class RealtimeFanoutShutdownTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Stopping_leaves_the_fan_out_channels_on_the_server()
    {
        await using var api = await ApiFactory.StartAsync(infrastructure);
        var redis = api.Services.GetRequiredService<IConnectionMultiplexer>();
        var channel = api.Services.GetRequiredService<UserChannelLog>().PubSubChannel;
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        await Poll.UntilAsync(() => Subscribers(server, channel) == 1, TimeSpan.FromSeconds(15), "the fan-out's subscription", TimeSpan.FromMilliseconds(10));

        await Fanout(api).StopAsync(CancellationToken.None);

        await Poll.UntilAsync(() => Subscribers(server, channel) == 0, TimeSpan.FromSeconds(15), "the subscription to go", TimeSpan.FromMilliseconds(10));
    }

    [Fact]
    public async Task Stopping_after_the_connection_closed_does_not_throw()
    {
        await using var api = await ApiFactory.StartAsync(infrastructure);
        var redis = api.Services.GetRequiredService<IConnectionMultiplexer>();
        var channel = api.Services.GetRequiredService<UserChannelLog>().PubSubChannel;
        await Poll.UntilAsync(() => redis.GetSubscriber().SubscribedEndpoint(channel) is not null, TimeSpan.FromSeconds(15), "the fan-out's subscription", TimeSpan.FromMilliseconds(10));

        await redis.CloseAsync(allowCommandsToComplete: false);

        var fault = await Record.ExceptionAsync(() => Fanout(api).StopAsync(CancellationToken.None));
        Assert.Null(fault);
    }

    private static RealtimeFanout Fanout(ApiFactory api) =>
        api.Services.GetServices<IHostedService>().OfType<RealtimeFanout>().Single();

    private static long Subscribers(IServer server, RedisChannel channel) =>
        (long)server.Execute("PUBSUB", "NUMSUB", channel.ToString())[1];
}
