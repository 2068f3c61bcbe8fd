using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Trading.Infrastructure.Accounts;

/// <summary>
/// Runs a change to one account as a unit: in one transaction it locks the account row (<c>SELECT … FOR UPDATE</c>) and
/// loads it with its open positions and working orders in the same command, lets the domain change them, and writes everything
/// the change produced (orders, fills, positions, ledger entries, outbox rows) in one SaveChanges batch before
/// committing: three round trips per change (lock and load, write, commit), whatever the change holds (it was seven:
/// the lock, positions and orders loaded apart, and SaveChanges's automatic savepoint around its batch). Every change to an account goes through here,
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
        EnsureLockingContext();
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

    /// <summary>Without its interceptor the load would take no lock: a context configured without it is a bug, not a slower path.</summary>
    private void EnsureLockingContext()
    {
        var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors;
        if (interceptors?.Contains(AccountLockInterceptor.Instance) != true)
        {
            throw new InvalidOperationException(
                $"The trading context must be configured with {nameof(AccountLockInterceptor)}.{nameof(AccountLockInterceptor.Instance)} (AddInterceptors) to change accounts.");
        }
    }

    private static TradingException AccountNotFound() => new(TradingErrorKind.NotFound, "The account was not found.");

    /// <summary>
    /// Locks the account row and loads it with its open positions and working orders in one round trip (the
    /// transaction's BEGIN rides on it too): <see cref="AccountLockInterceptor"/> sends the lock and the load as two
    /// statements of one command, so that the load reads after the lock is held. The two collections are LEFT JOINs of
    /// the account, so the load returns max(1, positions) × max(1, working orders) rows: a few for a trading account,
    /// still one round trip for a large book.
    /// </summary>
    private async Task<AccountBook> LockAsync(AccountId accountId, Guid? ownerId, CancellationToken cancellationToken)
    {
        var loaded = await db.Accounts
            .TagWith(AccountLockInterceptor.Tag)
            .Where(a => a.Id == accountId)
            .Select(a => new
            {
                Account = a,
                Positions = db.Positions.Where(p => p.AccountId == a.Id && p.ClosedAt == null).ToList(),
                Orders = db.Orders.Where(OrderStatusTransitions.IsWorkingOrder).Where(o => o.AccountId == a.Id).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (loaded is null || loaded.Account.IsDeleted || (ownerId is { } owner && loaded.Account.OwnerId != owner))
        {
            throw AccountNotFound();
        }

        return new AccountBook(loaded.Account, loaded.Positions, loaded.Orders);
    }
}
