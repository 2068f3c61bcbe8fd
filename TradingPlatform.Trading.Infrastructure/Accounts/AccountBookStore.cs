using Microsoft.EntityFrameworkCore;
using Npgsql;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Trading.Infrastructure.Accounts;

/// <summary>
/// Runs a change to one account as a unit: in one transaction it locks the account row (<c>SELECT … FOR UPDATE</c>),
/// loads its open positions and working orders in one statement, lets the domain change them, and writes everything
/// the change produced (orders, fills, positions, ledger entries, outbox rows) in one SaveChanges batch before
/// committing: four round trips per change (lock, load, write, commit), whatever the change holds (it was seven:
/// positions and orders loaded apart, and SaveChanges's automatic savepoint around its batch). Every change to an account goes through here,
/// so changes to one account are serialised and concurrent orders can never spend the same margin twice. The
/// integration events of the change go to the outbox in the same transaction: they exist exactly when the change does.
/// Refusals are <see cref="TradingException"/>s (an unknown or another user's account is <see cref="TradingErrorKind.NotFound"/>);
/// the Api turns them into its error envelope, the Worker's jobs log them.
/// </summary>
public sealed class AccountBookStore(TradingDbContext db, TimeProvider time, IOutbox outbox, IMarketView market)
{
    /// <param name="ownerId">The caller's user id; another user's account answers 404, like an unknown one. Null for the platform itself.</param>
    public async Task<T> ChangeAsync<T>(
        AccountId accountId, Guid? ownerId, Func<AccountBook, DateTimeOffset, CancellationToken, Task<T>> change, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            // Inside a transaction of its own, SaveChanges would wrap its batch in a savepoint (SAVEPOINT and RELEASE:
            // two more round trips per change) so that a caller could carry on after a failed save; nothing here
            // does, a failure rolls the whole transaction back.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var book = await LockAsync(accountId, ownerId, token);
            var result = await change(book, time.GetUtcNow(), token);

            db.Orders.AddRange(book.NewOrders);
            db.Positions.AddRange(book.NewPositions);
            db.Fills.AddRange(book.NewFills);
            db.LedgerEntries.AddRange(book.NewEntries);
            if (TradingIntegrationEvents.From(book, market) is { } integrationEvent)
            {
                outbox.Add(integrationEvent);
            }

            try
            {
                await db.SaveChangesAsync(token);
            }
            catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
            {
                // The row lock serialises changes to one account, so only a retried client order id (the unique index
                // is its idempotency check: the Api then answers with the order placed first) or a change racing an
                // account's creation or deletion gets here; the constraint keeps the data right and nothing is written.
                throw new TradingException(TradingErrorKind.Conflict, $"The change conflicts with a concurrent one ({unique.ConstraintName}); retry it.");
            }

            await transaction.CommitAsync(token);
            return result;
        }, cancellationToken);
    }

    private static TradingException AccountNotFound() => new(TradingErrorKind.NotFound, "The account was not found.");

    /// <summary>
    /// Locks the account row, then loads its open positions and working orders in one more statement: two round trips
    /// (the transaction's BEGIN rides on the first) where there were three. The lock cannot share the load's statement:
    /// under READ COMMITTED a statement reads the snapshot taken when it started, so a load joined to a lock that waited
    /// would miss what the change it waited for committed (two concurrent orders would both open the same position).
    /// The two collections are LEFT JOINs of the account, so the load returns max(1, positions) × max(1, working orders)
    /// rows: a few for a trading account, still one round trip for a large book.
    /// </summary>
    private async Task<AccountBook> LockAsync(AccountId accountId, Guid? ownerId, CancellationToken cancellationToken)
    {
        var account = await db.Accounts
            .FromSql($"SELECT * FROM trading.accounts WHERE \"Id\" = {accountId.Value} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null || account.IsDeleted || (ownerId is { } owner && account.OwnerId != owner))
        {
            throw AccountNotFound();
        }

        var book = await db.Accounts
            .Where(a => a.Id == accountId)
            .Select(a => new
            {
                Positions = db.Positions.Where(p => p.AccountId == a.Id && p.ClosedAt == null).ToList(),
                Orders = db.Orders.Where(OrderStatusTransitions.IsWorkingOrder).Where(o => o.AccountId == a.Id).ToList(),
            })
            .SingleAsync(cancellationToken);
        return new AccountBook(account, book.Positions, book.Orders);
    }
}
