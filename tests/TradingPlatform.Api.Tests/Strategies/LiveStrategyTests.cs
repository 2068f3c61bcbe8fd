using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Market;
using TradingPlatform.Api.Market.Instruments;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Signals;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Api.Tests.Strategies;

/// <summary>
/// An automated strategy on a demo account, fed ticks through the quote book as the feed publishes them, against the
/// same ticks replayed by the backtest engine.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class LiveStrategyTests(InfrastructureFixture infrastructure)
{
    private const string Symbol = "BTC-USD";

    [Fact]
    public async Task The_same_ticks_live_and_in_a_backtest_give_identical_orders_and_fills()
    {
        // Cold, as the replay starts: other tests leave BTC-USD minute bars in the shared database, which a live
        // strategy would otherwise warm up on (and signal earlier than a replay of these ticks alone).
        await using var factory = await TradingKit.StartTradingAsync(infrastructure, ("Strategies:Live:MaxWarmUpBars", "0"));
        var (user, client) = await factory.CreateUserWithClientAsync();
        using (client)
        {
            var accountId = await client.CreateAccountAsync(100_000m);
            var strategyId = await StartStrategyAsync(client, accountId);
            var ticks = Ticks(factory.Time!.GetUtcNow(), minutes: 13);

            foreach (var tick in ticks)
            {
                await PublishAsync(factory, tick);
            }

            var live = await FillsAsync(factory, accountId);
            var replay = BacktestEngine.RunTicks(Settings(factory), ticks);
            // The engine closes what is still open after the last tick (end of test); live, the position simply stays open.
            var replayed = replay.Fills.Where(f => replay.Orders.Single(o => o.Id == f.OrderId).Origin != OrderOrigin.ManualClose).ToList();

            Assert.True(live.Count >= 3, $"The strategy filled only {live.Count} times; the ticks are meant to make it trade and reverse.");
            Assert.Equal(Describe(replayed), Describe(live));
            Assert.Contains(live, f => f.Side == OrderSide.Sell);

            var signals = await client.GetDataAsync($"/api/signals?symbol={Symbol}&limit=200");
            var mine = signals.EnumerateArray().Where(s => s.TryGetProperty("strategyId", out var id) && id.GetString() == strategyId).ToList();
            Assert.Equal(replay.Signals.Count, mine.Count);
            Assert.NotEqual(Guid.Empty, user.Id);
        }
    }

    [Fact]
    public async Task A_paused_strategy_places_no_more_orders()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure, ("Strategies:Live:MaxWarmUpBars", "0"));
        var (_, client) = await factory.CreateUserWithClientAsync();
        using (client)
        {
            var accountId = await client.CreateAccountAsync(100_000m);
            var strategyId = await StartStrategyAsync(client, accountId);
            var ticks = Ticks(factory.Time!.GetUtcNow(), minutes: 13);
            // The first crosses come after about nine minutes (the slow average needs five bars); pause after ten.
            var pauseAt = ticks[0].Timestamp + TimeSpan.FromMinutes(10);
            foreach (var tick in ticks.Where(t => t.Timestamp < pauseAt))
            {
                await PublishAsync(factory, tick);
            }

            var before = await OrdersAsync(factory, accountId);
            Assert.NotEmpty(before);
            using (var pause = await client.PutJsonAsync($"/api/strategies/{strategyId}", new { status = "paused" }))
            {
                Assert.Equal("paused", (await pause.ReadDataAsync()).GetProperty("status").GetString());
            }

            foreach (var tick in ticks.Where(t => t.Timestamp >= pauseAt))
            {
                await PublishAsync(factory, tick);
            }

            Assert.Equal(before, await OrdersAsync(factory, accountId));
            // Unpaused, the same ticks would have traded again (the replay of all of them has more orders than the paused run).
            var replay = BacktestEngine.RunTicks(Settings(factory), ticks);
            Assert.True(replay.Orders.Count(o => o.Origin == OrderOrigin.Client) > before.Count, "The ticks after the pause must hold a signal, or the test proves nothing.");
        }
    }

    [Fact]
    public async Task Activating_an_automated_strategy_needs_an_algorithm_and_one_of_your_accounts()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync();
        var (_, other) = await factory.CreateUserWithClientAsync();
        using (client)
        using (other)
        {
            var othersAccount = await other.CreateAccountAsync();
            using (var foreign = await client.PostJsonAsync("/api/strategies", new
            {
                name = "Borrowed", type = "automated", algorithm = "sma_crossover", symbols = new[] { Symbol }, accountId = othersAccount,
            }))
            {
                await ApiJson.AssertErrorEnvelopeAsync(foreign, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            }

            using var created = await client.PostJsonAsync("/api/strategies", new { name = "Unplugged", type = "automated", symbols = new[] { Symbol } });
            var id = (await created.ReadDataAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
            using var activate = await client.PutJsonAsync($"/api/strategies/{id}", new { status = "active" });
            var body = await ApiJson.AssertErrorEnvelopeAsync(activate, HttpStatusCode.Conflict, "CONFLICT_ERROR");
            Assert.Contains("algorithm", body.GetRawText(), StringComparison.Ordinal);
        }
    }

    private static async Task<string> StartStrategyAsync(HttpClient client, Guid accountId)
    {
        using var created = await client.PostJsonAsync("/api/strategies", new
        {
            name = "Live SMA", type = "automated", algorithm = "sma_crossover", interval = "1m", symbols = new[] { Symbol }, accountId,
            parameters = new { fast = 2, slow = 5, allowShort = true },
        });
        var strategy = await created.ReadDataAsync(HttpStatusCode.Created);
        Assert.Equal(5, strategy.GetProperty("parameters").GetProperty("slow").GetInt32());
        var id = strategy.GetProperty("id").GetString()!;
        using var activated = await client.PutJsonAsync($"/api/strategies/{id}", new { status = "active" });
        Assert.Equal("active", (await activated.ReadDataAsync()).GetProperty("status").GetString());
        return id;
    }

    /// <summary>
    /// A tick every 10 s around 100 USD, a slow wave plus a faster one, so the 2/5-minute averages cross every few
    /// minutes (13 minutes of ticks stay within the test client's 15-minute access token). At these prices the strategy's size (capped at BTC-USD's 100 maximum) makes the size impact reach the
    /// 1 % slippage cap, so the seeded random part of slippage (keyed on order ids, which live and replay name
    /// differently) cannot change a fill: identical fills are possible, and required.
    /// </summary>
    private static List<Quote> Ticks(DateTimeOffset now, int minutes)
    {
        var start = CandleInterval.OneMinute.Floor(now) + TimeSpan.FromMinutes(1);
        var ticks = new List<Quote>();
        for (var i = 0; i < minutes * 6; i++)
        {
            var t = i / 6.0;
            var mid = Math.Round(100m + (decimal)(3 * Math.Sin(t / 4.0) + 1.2 * Math.Sin(t * 1.3)), 2);
            ticks.Add(new Quote(Symbol, mid - 0.05m, mid + 0.05m, mid, 1_000_000m, 1_000_000m, 1m, start + TimeSpan.FromSeconds(10 * i)));
        }

        return ticks;
    }

    private static async Task PublishAsync(ApiFactory factory, Quote tick)
    {
        factory.Time!.SetUtcNow(tick.Timestamp);
        await factory.Services.GetRequiredService<QuoteBook>().PublishAsync([tick], CancellationToken.None);
    }

    private static BacktestSettings Settings(ApiFactory factory)
    {
        var parameters = StrategyAlgorithms.Find("sma_crossover")!.Bind(new Dictionary<string, double> { ["fast"] = 2, ["slow"] = 5, ["allowShort"] = 1 }, out _)!;
        var now = factory.Time!.GetUtcNow();
        return new BacktestSettings
        {
            Parameters = parameters, Risk = RiskManagement.Default, Instruments = [factory.Services.GetRequiredService<InstrumentRegistry>().Find(Symbol)!],
            Interval = CandleInterval.OneMinute, Start = now.AddDays(-1), End = now.AddDays(1), InitialBalance = 100_000m,
        };
    }

    private static async Task<List<Fill>> FillsAsync(ApiFactory factory, Guid accountId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        var id = TradingPlatform.Trading.Accounts.AccountId.From(accountId);
        return await db.Fills.AsNoTracking().Where(f => f.AccountId == id).OrderBy(f => f.ExecutedAt).ThenBy(f => f.Id).ToListAsync();
    }

    private static async Task<List<Guid>> OrdersAsync(ApiFactory factory, Guid accountId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        var id = TradingPlatform.Trading.Accounts.AccountId.From(accountId);
        return await db.Orders.AsNoTracking().Where(o => o.AccountId == id).OrderBy(o => o.CreatedAt).Select(o => o.Id.Value).ToListAsync();
    }

    /// <summary>
    /// Everything about a fill but its ids (live and replay name orders differently), sorted: a reversal's closing and
    /// opening fills share an instant, and the stored ones have no other order between them.
    /// </summary>
    private static List<string> Describe(IEnumerable<Fill> fills) =>
        [.. fills.Select(f => $"{f.ExecutedAt:O} {f.Side} {f.Quantity:G29} @ {f.Price:G29} fee {f.Commission:G29} pnl {f.RealizedPnl:G29} {f.Liquidity}").Order(StringComparer.Ordinal)];
}
