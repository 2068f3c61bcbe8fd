using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using TradingPlatform.Api.Market;
using TradingPlatform.Api.Market.Feed;
using TradingPlatform.Api.Tests.Realtime;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Infrastructure.Market;

namespace TradingPlatform.Api.Tests.Market;

/// <summary>
/// Every <see cref="ApiFactory"/> is a deployment of its own on the shared servers: a feed running in one never
/// moves another's market, neither through the quotes it stores in Redis nor through the prices it fans out.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class FeedIsolationTests(InfrastructureFixture infrastructure)
{
    private const string Symbol = "BTC-USD";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_feed_in_another_api_instance_leaves_the_quotes_a_test_set_as_they_are()
    {
        await using var quiet = await TradingKit.StartTradingAsync(infrastructure);
        var user = await quiet.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(quiet, await quiet.MintTokenAsync(user));
        await socket.SendAsync(new { type = "subscribe", channel = "price_updates", symbols = new[] { Symbol } });
        await socket.WaitForAsync("subscribed");
        // The first price arriving proves this instance's fan-out listens: anything published to it from now on arrives.
        await quiet.PublishAsync(Symbol, 60_000m, 60_010m);
        Assert.Equal(60_000m, (await socket.WaitForAsync("price_update")).GetProperty("data").GetProperty("bid").GetDecimal());

        var feedTicks = new SymbolTicks(Symbol, count: 3);
        await using var feedBase = new ApiFactory(infrastructure, (FakeTimeProvider?)null,
            ("Market:Feed:Enabled", "true"), ("Market:Feed:TickInterval", "00:00:00.05"));
        await using var feed = feedBase.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ITickSubscriber>(feedTicks)));
        _ = feed.Services;
        // The feed finishes a tick (fan-out and Redis writes) before it starts the next: after the third, two are complete.
        var feedQuote = await feedTicks.Reached.WaitAsync(Timeout);
        Assert.NotEqual(60_010m, feedQuote.Ask);

        // The feed's prices went to its own subscribers only: the next price this client gets is the test's.
        await quiet.PublishAsync(Symbol, 60_100m, 60_110m);
        Assert.Equal(60_100m, (await socket.WaitForAsync("price_update")).GetProperty("data").GetProperty("bid").GetDecimal());

        // And the feed's quotes stayed in its own Redis namespace: this instance knows only what the test set.
        var book = quiet.Services.GetRequiredService<QuoteBook>();
        var latest = book.GetLatest(Symbol);
        Assert.NotNull(latest);
        Assert.Equal((60_100m, 60_110m), (latest.Bid, latest.Ask));
        Assert.Equal([Symbol], book.All.Select(q => q.Symbol));
        using var client = quiet.CreateClient();
        var served = await (await client.GetAsync($"/api/market/quotes/{Symbol}")).ReadDataAsync();
        Assert.Equal(60_110m, served.GetProperty("ask").GetDecimal());

        // Both instances write the same Redis; the feed's quote is there, under the feed instance's key prefix only.
        var redis = quiet.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        Assert.True(await redis.KeyExistsAsync(feed.Services.GetRequiredService<RedisQuoteStore>().QuoteKey(Symbol)));
        Assert.False(await redis.KeyExistsAsync(quiet.Services.GetRequiredService<RedisQuoteStore>().QuoteKey(Symbol)));
    }

    /// <summary>Completes with the feed's quote of <c>symbol</c> once it has ticked that symbol <c>count</c> times.</summary>
    private sealed class SymbolTicks(string symbol, int count) : ITickSubscriber
    {
        private readonly TaskCompletionSource<Quote> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _seen;

        public Task<Quote> Reached => _reached.Task;

        public ValueTask OnTicksAsync(IReadOnlyList<Quote> ticks, CancellationToken cancellationToken)
        {
            foreach (var tick in ticks.Where(t => string.Equals(t.Symbol, symbol, StringComparison.OrdinalIgnoreCase)))
            {
                if (Interlocked.Increment(ref _seen) >= count)
                {
                    _reached.TrySetResult(tick);
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}
