using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Api.Market.Instruments;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Data;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Portfolio;

namespace TradingPlatform.Api.Trading;

/// <summary>
/// Time-driven work no tick may bring (a closed market sends none): expiring DAY orders after their session,
/// settling futures funding once per UTC day, and recording equity snapshots for the portfolio's performance.
/// Each replica may run it: every change takes the account's row lock and is idempotent.
/// </summary>
internal sealed class TradingMaintenanceService(
    IServiceScopeFactory scopes,
    IMarketView market,
    InstrumentRegistry instruments,
    SchemaStatus<TradingDbContext> schema,
    IOptions<TradingOptions> options,
    TimeProvider time,
    ILogger<TradingMaintenanceService> logger) : BackgroundService
{
    private DateTimeOffset _lastSnapshot = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await schema.Completion.WaitAsync(stoppingToken);
            using var timer = new PeriodicTimer(options.Value.MaintenanceInterval, time);
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Trading maintenance failed; it runs again in {Interval}", options.Value.MaintenanceInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<AccountBookStore>();
        var now = time.GetUtcNow();

        var expiring = await db.Orders.Where(o => (o.Status == OrderStatus.Open || o.Status == OrderStatus.PartiallyFilled) && o.ExpiresAt <= now)
            .Select(o => o.AccountId).Distinct().ToListAsync(cancellationToken);
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var futures = instruments.All.Where(i => i.DailyFundingRate != 0m).Select(i => i.Symbol).ToList();
        var funding = await db.Positions.Where(p => p.ClosedAt == null && futures.Contains(p.Symbol) && (p.FundedAt ?? p.OpenedAt) < today)
            .Select(p => p.AccountId).Distinct().ToListAsync(cancellationToken);
        foreach (var accountId in expiring.Union(funding))
        {
            await store.ChangeAsync(accountId, ownerId: null, (book, at, _) =>
            {
                ExecutionSimulator.ExpireOrders(book, at);
                ExecutionSimulator.SettleFunding(book, market, at);
                return Task.FromResult(true);
            }, cancellationToken);
        }

        if (now - _lastSnapshot >= options.Value.EquitySnapshotInterval)
        {
            await SnapshotEquityAsync(db, store, now, cancellationToken);
            _lastSnapshot = now;
        }
    }

    private async Task SnapshotEquityAsync(TradingDbContext db, AccountBookStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owners = await db.Accounts.AsNoTracking().Where(a => a.DeletedAt == null).Select(a => a.OwnerId).Distinct().ToListAsync(cancellationToken);
        foreach (var owner in owners)
        {
            foreach (var book in await store.ReadAllAsync(owner, cancellationToken))
            {
                var snapshot = MarginCalculator.Snapshot(book, market);
                db.EquitySnapshots.Add(new EquitySnapshot { AccountId = book.Account.Id, At = now, Equity = snapshot.Equity, Balance = snapshot.Balance });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
