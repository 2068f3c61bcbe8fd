using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using TradingPlatform.Api.Market;
using TradingPlatform.Api.Market.Feed;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Infrastructure.Market;

namespace TradingPlatform.Api.Tests.Market;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class FeedTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_elections_on_one_Redis_have_one_leader_and_the_other_takes_over_when_it_stops_renewing()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.Cache);
        var key = $"test:leader:{Guid.NewGuid():N}";
        var lease = TimeSpan.FromMilliseconds(500);
        var a = new RedisLeaderElection(redis, key, lease);
        var b = new RedisLeaderElection(redis, key, lease);

        Assert.True(await a.TryAcquireOrRenewAsync());
        Assert.False(await b.TryAcquireOrRenewAsync());
        Assert.True(await a.TryAcquireOrRenewAsync()); // renewing keeps it
        Assert.False(await b.TryAcquireOrRenewAsync());
        Assert.Equal(a.Token, (string?)await redis.GetDatabase().StringGetAsync(key));

        // A stops renewing (it crashed): B takes over once the lease runs out, and A finds it has lost it.
        var started = DateTimeOffset.UtcNow;
        await Poll.UntilAsync(() => b.TryAcquireOrRenewAsync(), TimeSpan.FromSeconds(5), "B takes the lease over");
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(2));
        Assert.False(await a.TryAcquireOrRenewAsync());
        Assert.True(b.IsLeader);

        // Stepping down hands over at once.
        await b.ReleaseAsync();
        Assert.True(await a.TryAcquireOrRenewAsync());
        await a.ReleaseAsync();
        Assert.False(await redis.GetDatabase().KeyExistsAsync(key));
    }

    [Fact]
    public async Task Only_the_leader_ticks_and_another_replica_takes_over_when_it_stops()
    {
        (string, string?)[] settings =
        [
            ("Market:Feed:Enabled", "true"),
            ("Market:Feed:TickInterval", "00:00:00.05"),
            ("Market:Feed:LeaderLease", "00:00:01"),
        ];
        var ticksA = new TickCounter();
        var ticksB = new TickCounter();
        await using var baseA = new ApiFactory(infrastructure, (Microsoft.Extensions.Time.Testing.FakeTimeProvider?)null, settings);
        // Replicas of one deployment: the same Redis key prefix, so one election and one set of quotes.
        await using var baseB = new ApiFactory(infrastructure, (Microsoft.Extensions.Time.Testing.FakeTimeProvider?)null, [.. settings, baseA.ReplicaSetting]);
        var a = baseA.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ITickSubscriber>(ticksA)));
        var b = baseB.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ITickSubscriber>(ticksB)));
        try
        {
            _ = a.Services;
            _ = b.Services;
            await Poll.UntilAsync(() => Task.FromResult(ticksA.Batches + ticksB.Batches >= 20), Timeout, "the feed ticks");
            var (leader, follower, leaderTicks, followerTicks) = ticksA.Batches > 0 ? (a, b, ticksA, ticksB) : (b, a, ticksB, ticksA);
            Assert.Equal(0, followerTicks.Batches);
            Assert.Contains(leaderTicks.Symbols, s => s == "BTC-USD");

            // The follower sees the leader's quotes through Redis, and serves them.
            var redis = follower.Services.GetRequiredService<IConnectionMultiplexer>();
            var quoteKey = follower.Services.GetRequiredService<RedisQuoteStore>().QuoteKey("BTC-USD");
            Assert.StartsWith(baseA.RedisKeyPrefix, quoteKey.ToString(), StringComparison.Ordinal);
            Assert.True(await redis.GetDatabase().KeyExistsAsync(quoteKey));
            await Poll.UntilAsync(() => Task.FromResult(follower.Services.GetRequiredService<QuoteBook>().GetLatest("BTC-USD") is not null),
                Timeout, "the follower reads the leader's quote");
            using var client = follower.CreateClient();
            var quote = await (await client.GetAsync("/api/market/quotes/BTC-USD")).ReadDataAsync();
            Assert.True(quote.GetProperty("ask").GetDecimal() > quote.GetProperty("bid").GetDecimal());

            // The leader stops: the follower takes over.
            await leader.DisposeAsync();
            await Poll.UntilAsync(() => Task.FromResult(followerTicks.Batches > 0), Timeout, "the follower takes over");
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
        }
    }

    private sealed class TickCounter : ITickSubscriber
    {
        private int _batches;

        public int Batches => Volatile.Read(ref _batches);

        public HashSet<string> Symbols { get; } = [];

        public ValueTask OnTicksAsync(IReadOnlyList<Quote> ticks, CancellationToken cancellationToken)
        {
            if (ticks.Count > 0)
            {
                lock (Symbols)
                {
                    Symbols.UnionWith(ticks.Select(t => t.Symbol));
                }

                Interlocked.Increment(ref _batches);
            }

            return ValueTask.CompletedTask;
        }
    }
}
