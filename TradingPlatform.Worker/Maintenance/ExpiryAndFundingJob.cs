using Microsoft.EntityFrameworkCore;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Infrastructure.Accounts;
using TradingPlatform.Trading.Infrastructure.Market;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Worker.Maintenance;

/// <summary>
/// A closed market sends no ticks, so the tick path can neither expire a DAY order after its session nor settle the
/// day's funding. Every minute this finds the accounts with a working order past its expiry or a futures position not
/// funded since the last 00:00 UTC, and changes each through the <see cref="AccountBookStore"/>, as an order would:
/// under the account's row lock, with the ledger, the outbox events and the WebSocket updates that follow. Idempotent:
/// an expired order is no longer working and a funded position carries the day it was funded for.
/// </summary>
internal sealed class ExpiryAndFundingJob(TradingDbContext db, IOutbox outbox, RedisQuoteStore quotes, TimeProvider time, ILogger<ExpiryAndFundingJob> logger)
    : IExpiryAndFundingJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var market = await StoredMarketView.LoadAsync(db, quotes, cancellationToken);
        var now = time.GetUtcNow();
        var expiring = await db.Orders.Where(OrderStatusTransitions.IsWorkingOrder).Where(o => o.ExpiresAt <= now)
            .Select(o => o.AccountId).Distinct().ToListAsync(cancellationToken);
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var futures = market.Instruments.Where(i => i.DailyFundingRate != 0m).Select(i => i.Symbol).ToList();
        var funding = await db.Positions.Where(p => p.ClosedAt == null && futures.Contains(p.Symbol) && (p.FundedAt ?? p.OpenedAt) < today)
            .Select(p => p.AccountId).Distinct().ToListAsync(cancellationToken);

        var store = new AccountBookStore(db, time, outbox, market);
        var changed = 0;
        foreach (var accountId in expiring.Union(funding))
        {
            try
            {
                await store.ChangeAsync(accountId, ownerId: null, (book, at, _) =>
                {
                    ExecutionSimulator.ExpireOrders(book, at);
                    ExecutionSimulator.SettleFunding(book, market, at);
                    return Task.FromResult(true);
                }, cancellationToken);
                changed++;
            }
            catch (TradingException exception)
            {
                // An account deleted since the query, or a change racing it: the others still get theirs.
                logger.LogWarning("Expiry and funding skipped account {AccountId}: {Reason}", accountId, exception.Message);
            }
        }

        if (changed > 0)
        {
            logger.LogInformation("Expired orders or settled funding on {Accounts} account(s)", changed);
        }
    }
}
