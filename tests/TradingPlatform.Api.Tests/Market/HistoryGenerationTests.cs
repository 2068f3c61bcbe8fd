using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Market;
using TradingPlatform.Api.Market.Candles;
using TradingPlatform.Api.Market.History;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Tests.Market;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class HistoryGenerationTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static (string, string?)[] Settings(bool feed = false) =>
    [
        ("Market:History:Enabled", "true"),
        ("Market:History:Days", "2"),
        ("Market:Feed:Seed", "42"),
        ("Market:Feed:Enabled", feed ? "true" : "false"),
        ("Market:Feed:TickInterval", "00:00:00.05"),
        ("Market:Feed:LeaderLease", "00:00:02"),
    ];

    private Task<long> CountAsync(string symbol, string interval) => MarketKit.CountAsync(infrastructure,
        "SELECT count(*) FROM trading.candles WHERE symbol = @s AND interval = @i", ("s", symbol), ("i", interval));

    [Fact]
    public async Task Two_replicas_write_the_history_once_and_a_restart_keeps_it()
    {
        var symbols = InstrumentCatalog.Defaults.Select(i => i.Symbol).ToArray();
        await MarketKit.ExecuteAsync(infrastructure, "DELETE FROM trading.candles WHERE symbol = ANY(@symbols)", ("symbols", symbols));

        // Two replicas start together: the advisory lock lets one generate; the other finds the history there.
        await using (var first = await MarketKit.StartAsync(infrastructure, null, Settings()))
        await using (var second = await MarketKit.StartAsync(infrastructure, null, [.. Settings(), first.ReplicaSetting]))
        {
            var statuses = new[] { first, second }.Select(f => f.Services.GetRequiredService<MarketHistoryStatus>()).ToArray();
            await Task.WhenAll(statuses.Select(s => s.Completion)).WaitAsync(Timeout);
            Assert.Single(statuses, s => s.Generated.Contains("BTC-USD"));
        }

        var minutes = await CountAsync("BTC-USD", "1m");
        Assert.Equal(2 * 24 * 60, minutes);
        Assert.InRange(await CountAsync("BTC-USD", "1d"), 2, 3);
        Assert.InRange(await CountAsync("BTC-USD", "1h"), 48, 49);

        await using (var restarted = await MarketKit.StartAsync(infrastructure, null, Settings()))
        {
            var status = restarted.Services.GetRequiredService<MarketHistoryStatus>();
            await status.Completion.WaitAsync(Timeout);
            Assert.DoesNotContain("BTC-USD", status.Generated);

            // No candles while a market is closed (gold has a daily break and a weekend).
            var gold = await restarted.Services.GetRequiredService<CandleStore>()
                .ReadAsync("XAU-USD", CandleInterval.OneMinute, null, null, 1000 * 1000, CancellationToken.None);
            Assert.NotEmpty(gold);
            Assert.All(gold, c => Assert.True(InstrumentCatalog.GlobexHours.IsOpen(c.OpenTime), $"{c.OpenTime:O} is outside the session"));
            Assert.All(gold, c => Assert.True(c.High >= Math.Max(c.Open, c.Close) && c.Low <= Math.Min(c.Open, c.Close)));
        }

        Assert.Equal(minutes, await CountAsync("BTC-USD", "1m"));
    }

    [Fact]
    public async Task The_live_feed_continues_from_the_last_generated_price()
    {
        await MarketKit.ExecuteAsync(infrastructure, "DELETE FROM trading.candles WHERE symbol = 'ETH-USD'");
        await using var factory = await MarketKit.StartAsync(infrastructure, null, Settings(feed: true));
        await factory.Services.GetRequiredService<MarketHistoryStatus>().Completion.WaitAsync(Timeout);
        var last = await factory.Services.GetRequiredService<CandleStore>().ReadAsync(
            "ETH-USD", CandleInterval.OneMinute, null, DateTimeOffset.UtcNow.AddMinutes(-1), 1, CancellationToken.None);
        var generatedClose = Assert.Single(last).Close;

        var book = factory.Services.GetRequiredService<QuoteBook>();
        Quote? quote = null;
        await Poll.UntilAsync(() => Task.FromResult((quote = book.GetLatest("ETH-USD")) is not null && quote.Timestamp > DateTimeOffset.UtcNow.AddMinutes(-1)),
            TimeSpan.FromSeconds(30), "the feed quotes ETH-USD");
        Assert.InRange(quote!.Mid, generatedClose * 0.97m, generatedClose * 1.03m);
    }
}
