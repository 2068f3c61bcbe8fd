using Microsoft.EntityFrameworkCore;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Trading.Infrastructure.Accounts;

/// <summary>
/// Account books for reads (figures at current prices, the portfolio), untracked and unlocked. A read costs the same
/// two queries however many accounts the user has: the accounts with their open positions (one join), then the working
/// orders of all of them (one query filtered by owner), instead of three queries per account. The caller values them
/// with the quotes it holds in memory. Changes never go through here: they lock the account in
/// <see cref="AccountBookStore.ChangeAsync{T}"/>.
/// </summary>
public sealed class AccountBookReader(TradingDbContext db)
{
    /// <summary>The caller's live account with its open positions and working orders; another user's, a deleted or an unknown one is the same 404.</summary>
    public async Task<AccountBook> ReadAsync(Guid ownerId, AccountId accountId, CancellationToken cancellationToken)
    {
        var rows = await Owned(ownerId)
            .Where(a => a.Id == accountId)
            .Select(a => new { Account = a, Positions = db.Positions.Where(p => p.AccountId == a.Id && p.ClosedAt == null).ToList() })
            .ToListAsync(cancellationToken);
        var row = rows.Count == 1 ? rows[0] : throw AccountNotFound();
        var orders = await WorkingOrders(ownerId).Where(o => o.AccountId == accountId).ToListAsync(cancellationToken);
        return new AccountBook(row.Account, row.Positions, orders);
    }

    /// <summary>
    /// <see cref="ReadAsync"/> plus the account's equity at each of the given instants, from the last equity snapshot
    /// taken at or before it (null where there is none), in the same query as the account.
    /// </summary>
    public async Task<(AccountBook Book, EquityHistory History)> ReadWithEquityAsync(
        Guid ownerId, AccountId accountId, EquityHistoryPoints points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        var (day, week, month, year) = (points.Day, points.Week, points.Month, points.Year);
        var rows = await Owned(ownerId)
            .Where(a => a.Id == accountId)
            .Select(a => new
            {
                Account = a,
                Positions = db.Positions.Where(p => p.AccountId == a.Id && p.ClosedAt == null).ToList(),
                Day = db.EquitySnapshots.Where(s => s.AccountId == a.Id && s.At <= day).OrderByDescending(s => s.At).Select(s => (decimal?)s.Equity).FirstOrDefault(),
                Week = db.EquitySnapshots.Where(s => s.AccountId == a.Id && s.At <= week).OrderByDescending(s => s.At).Select(s => (decimal?)s.Equity).FirstOrDefault(),
                Month = db.EquitySnapshots.Where(s => s.AccountId == a.Id && s.At <= month).OrderByDescending(s => s.At).Select(s => (decimal?)s.Equity).FirstOrDefault(),
                Year = db.EquitySnapshots.Where(s => s.AccountId == a.Id && s.At <= year).OrderByDescending(s => s.At).Select(s => (decimal?)s.Equity).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var row = rows.Count == 1 ? rows[0] : throw AccountNotFound();
        var orders = await WorkingOrders(ownerId).Where(o => o.AccountId == accountId).ToListAsync(cancellationToken);
        return (new AccountBook(row.Account, row.Positions, orders), new EquityHistory(row.Day, row.Week, row.Month, row.Year));
    }

    /// <summary>Every live account of the user, oldest first, each with its open positions and working orders.</summary>
    public async Task<IReadOnlyList<AccountBook>> ReadAllAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var rows = await Owned(ownerId)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new { Account = a, Positions = db.Positions.Where(p => p.AccountId == a.Id && p.ClosedAt == null).ToList() })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var orders = (await WorkingOrders(ownerId).ToListAsync(cancellationToken)).ToLookup(o => o.AccountId);
        return [.. rows.Select(row => new AccountBook(row.Account, row.Positions, orders[row.Account.Id]))];
    }

    /// <summary>The caller's live account alone (untracked), for reads that check ownership and then query one table.</summary>
    public async Task<TradingAccount> FindOwnedAsync(Guid ownerId, AccountId accountId, CancellationToken cancellationToken) =>
        await Owned(ownerId).SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken)
        ?? throw AccountNotFound();

    private static TradingException AccountNotFound() => new(TradingErrorKind.NotFound, "The account was not found.");

    /// <summary>The user's live accounts, untracked: every read starts from these.</summary>
    private IQueryable<TradingAccount> Owned(Guid ownerId) =>
        db.Accounts.AsNoTracking().Where(a => a.OwnerId == ownerId && a.DeletedAt == null);

    // The owner filter is repeated here (not taken from the accounts read) so that a working order of another user's
    // account can never be attached, whatever the caller passes.
    private IQueryable<Order> WorkingOrders(Guid ownerId)
    {
        // A local, not a call inside the lambda: the query provider inlines a captured query as a subquery.
        var owned = Owned(ownerId);
        return db.Orders.AsNoTracking().Where(OrderStatusTransitions.IsWorkingOrder).Where(o => owned.Any(a => a.Id == o.AccountId));
    }
}
