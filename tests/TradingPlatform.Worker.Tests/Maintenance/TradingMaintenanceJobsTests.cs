using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ConnectionMultiplexer = StackExchange.Redis.ConnectionMultiplexer;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.ServiceDefaults.Redis;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Infrastructure.Accounts;
using TradingPlatform.Trading.Infrastructure.Market;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Ledger;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Worker.Maintenance;
using TradingPlatform.Worker.Tests.Backtests;

namespace TradingPlatform.Worker.Tests.Maintenance;

/// <summary>
/// The trading maintenance the Worker runs as recurring jobs, on the real database and Redis with a held clock: a DAY
/// order past its session expires (with its event), a futures position held over 00:00 UTC pays one day's funding at
/// the Redis mark, and equity is recorded once per account per hour at current prices; a second run changes nothing.
/// Each test trades a futures instrument of its own under a Redis key prefix of its own, and looks only at its accounts.
/// The jobs are built here rather than resolved from a running Worker: a Worker's Hangfire server would also fire the
/// recurring schedule, on the real clock, over these accounts (that the Worker resolves and schedules them is
/// <see cref="Jobs.RecurringJobsTests"/>'s).
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class TradingMaintenanceJobsTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    /// <summary>A Monday afternoon, UTC.</summary>
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private readonly BacktestData _data = new(infrastructure);
    private readonly FakeTimeProvider _time = new(T0);
    private Instrument _future = null!;
    private ConnectionMultiplexer _redis = null!;
    private RedisQuoteStore _quotes = null!;

    public async Task InitializeAsync()
    {
        await _data.EnsureSchemaAsync();
        var btcFuture = InstrumentCatalog.Find("BTC-FUT")!;
        _future = btcFuture with { Symbol = $"BF{Guid.NewGuid():N}"[..16].ToUpperInvariant(), Name = "Test Bitcoin Futures", Hours = TradingHours.AlwaysOpen };
        await using (var db = _data.CreateContext())
        {
            db.Set<Instrument>().Add(_future);
            await db.SaveChangesAsync();
        }

        _redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.Cache);
        var keys = new RedisNamespace(Options.Create(new RedisNamespaceOptions { KeyPrefix = $"maint{Guid.NewGuid():N}:" }));
        _quotes = new RedisQuoteStore(_redis, keys, _time, NullLogger<RedisQuoteStore>.Instance);
    }

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    /// <summary>The quote the feed's leader would write; the store's short read cache is on the held clock, so it is read fresh after any move.</summary>
    private async Task PublishQuoteAsync(decimal bid, decimal ask)
    {
        await _quotes.WriteAsync([new Quote(_future.Symbol, bid, ask, (bid + ask) / 2m, 5m, 5m, 0m, _time.GetUtcNow())], []);
        _time.Advance(TimeSpan.FromSeconds(1));
    }

    private async Task RunExpiryAndFundingAsync()
    {
        await using var db = _data.CreateContext();
        await new ExpiryAndFundingJob(db, new Outbox<TradingDbContext>(db), _quotes, _time, NullLogger<ExpiryAndFundingJob>.Instance).RunAsync(CancellationToken.None);
    }

    private async Task RunEquitySnapshotAsync()
    {
        await using var db = _data.CreateContext();
        await new EquitySnapshotJob(db, _quotes, _time, NullLogger<EquitySnapshotJob>.Instance).RunAsync(CancellationToken.None);
    }

    /// <summary>A funded account, opened as the Api opens one (its opening deposit in the ledger).</summary>
    private async Task<AccountId> OpenAccountAsync(decimal balance)
    {
        var now = _time.GetUtcNow();
        var account = new TradingAccount
        {
            Id = AccountId.New(), OwnerId = Guid.NewGuid(), Name = "maintenance test", IsDemo = true, MaxLeverage = 10,
            InitialBalance = balance, CreatedAt = now, UpdatedAt = now,
        };
        var book = new AccountBook(account, [], []);
        AccountCash.Open(book, now);
        await using var db = _data.CreateContext();
        db.Accounts.Add(account);
        db.LedgerEntries.AddRange(book.NewEntries);
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>Places orders through the store the jobs use, at the quote in Redis, as the Api's order endpoint would.</summary>
    private async Task<Order> PlaceAsync(AccountId accountId, OrderRequest request)
    {
        await using var db = _data.CreateContext();
        var market = await StoredMarketView.LoadAsync(db, _quotes, CancellationToken.None);
        var store = new AccountBookStore(db, _time, new Outbox<TradingDbContext>(db), market);
        return await store.ChangeAsync(accountId, ownerId: null, (book, now, _) => Task.FromResult(ExecutionSimulator.Place(book, request, market, now)),
            CancellationToken.None);
    }

    private async Task<(TradingAccount Account, List<LedgerEntry> Cash)> ReadAccountAsync(AccountId accountId)
    {
        await using var db = _data.CreateContext();
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId);
        var cash = await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == accountId && e.Book == LedgerAccounts.Cash(accountId)).ToListAsync();
        return (account, cash);
    }

    /// <summary>The order's snapshots in the account changes that touched it, in outbox order.</summary>
    private async Task<List<JsonElement>> OrderEventsAsync(OrderId orderId)
    {
        await using var db = _data.CreateContext();
        var id = orderId.Value.ToString();
        var payloads = await db.Database.SqlQuery<string>(
                $"""
                SELECT o::text AS "Value" FROM trading.outbox_messages m, jsonb_array_elements(m."Payload"->'orders') o
                WHERE m."Type" = {nameof(AccountChangedIntegrationEvent)} AND o->>'id' = {id} ORDER BY m."Sequence"
                """)
            .ToListAsync();
        return [.. payloads.Select(p => JsonDocument.Parse(p).RootElement.Clone())];
    }

    [Fact]
    public async Task A_DAY_order_past_its_session_expires_and_a_position_held_over_midnight_pays_one_day_of_funding_once()
    {
        await PublishQuoteAsync(65_000m, 65_020m);
        var accountId = await OpenAccountAsync(100_000m);
        await PlaceAsync(accountId, new OrderRequest { Symbol = _future.Symbol, Type = OrderType.Market, Side = OrderSide.Buy, Quantity = 0.5m });
        var day = await PlaceAsync(accountId, new OrderRequest
        {
            Symbol = _future.Symbol, Type = OrderType.Limit, Side = OrderSide.Buy, Quantity = 0.1m, Price = 60_000m, TimeInForce = TimeInForce.Day,
        });
        Assert.Equal((OrderStatus.Open, T0.Date.AddDays(1)), (day.Status, day.ExpiresAt!.Value.UtcDateTime));

        // Before the session ends and before midnight: nothing is due.
        _time.SetUtcNow(T0.AddHours(8));
        var before = await ReadAccountAsync(accountId);
        await RunExpiryAndFundingAsync();
        Assert.Equal(before.Account.Balance, (await ReadAccountAsync(accountId)).Account.Balance);
        Assert.Equal(["open"], (await OrderEventsAsync(day.Id)).Select(e => e.GetProperty("status").GetString()));

        // 00:30 the next day, the market quoted lower: the DAY order expired at midnight, and the long pays one day.
        _time.SetUtcNow(T0.Date.AddDays(1).AddMinutes(30));
        await PublishQuoteAsync(64_000m, 64_020m);
        await RunExpiryAndFundingAsync();

        var events = await OrderEventsAsync(day.Id);
        Assert.Equal(["open", "expired"], events.Select(e => e.GetProperty("status").GetString()));
        var funding = -1 * _future.DailyFundingRate * 0.5m * 64_000m; // a long pays the daily rate on its notional at the bid
        var (account, cash) = await ReadAccountAsync(accountId);
        var paid = Assert.Single(cash, e => e.Type == LedgerEntryType.Funding);
        Assert.Equal(funding, paid.Amount);
        Assert.Equal(before.Account.Balance + funding, account.Balance);
        Assert.Equal(account.Balance, cash.Sum(e => e.Amount));
        await using (var db = _data.CreateContext())
        {
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == day.Id);
            Assert.Equal((OrderStatus.Expired, "DAY order: the trading session ended"), (order.Status, order.StatusReason));
            var position = await db.Positions.AsNoTracking().SingleAsync(p => p.AccountId == accountId && p.ClosedAt == null);
            Assert.Equal(T0.Date.AddDays(1), position.FundedAt!.Value.UtcDateTime);
        }

        // The next minute's run: nothing more to expire or to fund.
        _time.Advance(TimeSpan.FromMinutes(1));
        await RunExpiryAndFundingAsync();
        Assert.Equal(2, (await OrderEventsAsync(day.Id)).Count);
        var again = await ReadAccountAsync(accountId);
        Assert.Equal(account.Balance, again.Account.Balance);
        Assert.Single(again.Cash, e => e.Type == LedgerEntryType.Funding);
    }

    [Fact]
    public async Task Equity_is_recorded_once_per_live_account_per_hour_at_the_current_quote()
    {
        await PublishQuoteAsync(65_000m, 65_020m);
        var trading = await OpenAccountAsync(50_000m);
        var idle = await OpenAccountAsync(20_000m);
        var deleted = await OpenAccountAsync(10_000m);
        await PlaceAsync(trading, new OrderRequest { Symbol = _future.Symbol, Type = OrderType.Market, Side = OrderSide.Buy, Quantity = 0.2m });
        await using (var db = _data.CreateContext())
        {
            await db.Accounts.Where(a => a.Id == deleted).ExecuteUpdateAsync(set => set.SetProperty(a => a.DeletedAt, T0));
        }

        _time.SetUtcNow(T0.AddMinutes(17));
        await PublishQuoteAsync(66_000m, 66_020m);
        await RunEquitySnapshotAsync();

        // The long is marked at the bid; the idle account's equity is its cash.
        var (account, _) = await ReadAccountAsync(trading);
        decimal entry;
        await using (var db = _data.CreateContext())
        {
            entry = (await db.Positions.AsNoTracking().SingleAsync(p => p.AccountId == trading)).EntryPrice;
        }

        var snapshots = await SnapshotsAsync(trading, idle, deleted);
        Assert.Equal(
            [(trading, T0, account.Balance + (66_000m - entry) * 0.2m, account.Balance), (idle, T0, 20_000m, 20_000m)],
            snapshots);

        // Later in the same hour (a retry, another replica): nothing more. In the next hour: one more each.
        _time.SetUtcNow(T0.AddMinutes(45));
        await RunEquitySnapshotAsync();
        Assert.Equal(snapshots, await SnapshotsAsync(trading, idle, deleted));

        _time.SetUtcNow(T0.AddHours(1).AddMinutes(2));
        await PublishQuoteAsync(64_000m, 64_020m);
        await RunEquitySnapshotAsync();
        var hourLater = T0.AddHours(1);
        Assert.Equal(
            [.. snapshots, (trading, hourLater, account.Balance + (64_000m - entry) * 0.2m, account.Balance), (idle, hourLater, 20_000m, 20_000m)],
            await SnapshotsAsync(trading, idle, deleted));
    }

    private async Task<List<(AccountId, DateTimeOffset, decimal, decimal)>> SnapshotsAsync(params AccountId[] accounts)
    {
        await using var db = _data.CreateContext();
        var rows = await db.EquitySnapshots.AsNoTracking().Where(s => accounts.Contains(s.AccountId)).ToListAsync();
        return [.. rows.OrderBy(s => s.At).ThenBy(s => Array.IndexOf(accounts, s.AccountId)).Select(s => (s.AccountId, s.At, s.Equity, s.Balance))];
    }
}
