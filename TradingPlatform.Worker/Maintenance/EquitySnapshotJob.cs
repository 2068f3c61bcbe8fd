using Microsoft.EntityFrameworkCore;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Infrastructure.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Portfolio;

namespace TradingPlatform.Worker.Maintenance;

/// <summary>
/// Each live account's equity and balance at current prices (the account endpoint's figures), stamped with the start
/// of the current UTC hour. The hour is the snapshot's key: an account that already has one for it is skipped, so a
/// retry, a late run or a second replica never records an hour twice. Three queries load every book (accounts, open
/// positions, working orders), whatever the number of accounts.
/// </summary>
internal sealed class EquitySnapshotJob(TradingDbContext db, RedisQuoteStore quotes, TimeProvider time, ILogger<EquitySnapshotJob> logger)
    : IEquitySnapshotJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var market = await StoredMarketView.LoadAsync(db, quotes, cancellationToken);
        var now = time.GetUtcNow();
        var hour = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero);

        var recorded = db.EquitySnapshots.Where(s => s.At == hour).Select(s => s.AccountId);
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.DeletedAt == null && !recorded.Contains(a.Id)).ToListAsync(cancellationToken);
        if (accounts.Count == 0)
        {
            return;
        }

        var ids = accounts.Select(a => a.Id).ToList();
        var positions = (await db.Positions.AsNoTracking().Where(p => ids.Contains(p.AccountId) && p.ClosedAt == null).ToListAsync(cancellationToken))
            .ToLookup(p => p.AccountId);
        var orders = (await db.Orders.AsNoTracking()
                .Where(OrderStatusTransitions.IsWorkingOrder).Where(o => ids.Contains(o.AccountId))
                .ToListAsync(cancellationToken))
            .ToLookup(o => o.AccountId);
        foreach (var account in accounts)
        {
            var figures = MarginCalculator.Snapshot(new AccountBook(account, positions[account.Id], orders[account.Id]), market);
            db.EquitySnapshots.Add(new EquitySnapshot { AccountId = account.Id, At = hour, Equity = figures.Equity, Balance = figures.Balance });
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Recorded the equity of {Accounts} account(s) for {Hour:u}", accounts.Count, hour);
    }
}
