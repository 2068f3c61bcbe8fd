using Microsoft.EntityFrameworkCore;
using Npgsql;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Trading;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Common;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Ledger;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Infrastructure.Accounts;

namespace TradingPlatform.Api.Accounts;

/// <summary>Trading accounts: creation with an initial deposit, figures at current prices, soft deletion, cash transfers and the ledger.</summary>
/// <remarks>Reads (figures, lists, ledger) go through <see cref="AccountBookReader"/>; changes lock the account in <see cref="AccountBookStore"/>.</remarks>
internal sealed class AccountService(TradingDbContext db, AccountBookStore store, AccountBookReader reader, IMarketView market, TimeProvider time)
{
    public const decimal DefaultInitialBalance = 100_000m;
    public const int DefaultMaxLeverage = 10;

    /// <param name="onlyAsDefault">
    /// Create it only as the user's default account: when a concurrent request made another default first, the unique
    /// index refuses this one and the <see cref="DbUpdateException"/> reaches the caller. Otherwise a lost race makes
    /// this account a non-default one.
    /// </param>
    public async Task<AccountResponse> CreateAsync(Guid ownerId, CreateAccountRequest request, CancellationToken cancellationToken, bool onlyAsDefault = false)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var isDefault = !await db.Accounts.AnyAsync(a => a.OwnerId == ownerId && a.IsDefault && a.DeletedAt == null, token);
            try
            {
                return await InsertAsync(ownerId, request, isDefault, token);
            }
            catch (DbUpdateException exception) when (isDefault && !onlyAsDefault &&
                exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                db.ChangeTracker.Clear();
                return await InsertAsync(ownerId, request, isDefault: false, token);
            }
        }, cancellationToken);
    }

    private async Task<AccountResponse> InsertAsync(Guid ownerId, CreateAccountRequest request, bool isDefault, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var account = new TradingAccount
        {
            Id = AccountId.New(), OwnerId = ownerId, Name = request.Name!.Trim(), IsDemo = request.IsDemo ?? true,
            MaxLeverage = request.MaxLeverage ?? DefaultMaxLeverage, MaxDailyLoss = request.MaxDailyLoss,
            InitialBalance = Money.Round(request.InitialBalance ?? DefaultInitialBalance), CreatedAt = now, UpdatedAt = now, IsDefault = isDefault,
        };
        var book = new AccountBook(account, [], []);
        AccountCash.Open(book, now);
        db.Accounts.Add(account);
        db.LedgerEntries.AddRange(book.NewEntries);
        await db.SaveChangesAsync(cancellationToken);
        return AccountResponse.From(book, MarginCalculator.Snapshot(book, market));
    }

    public async Task<AccountResponse> GetAsync(Guid ownerId, AccountId id, CancellationToken cancellationToken)
    {
        var book = await reader.ReadAsync(ownerId, id, cancellationToken);
        return AccountResponse.From(book, MarginCalculator.Snapshot(book, market));
    }

    public async Task<(IReadOnlyList<AccountResponse> Items, int Total)> ListAsync(Guid ownerId, PageRequest page, CancellationToken cancellationToken)
    {
        var books = await reader.ReadAllAsync(ownerId, cancellationToken);
        return ([.. books.Skip(page.Skip).Take(page.Limit).Select(book => AccountResponse.From(book, MarginCalculator.Snapshot(book, market)))], books.Count);
    }

    /// <summary>Soft delete: refused while positions or orders are open, so that nothing is left running in a deleted account.</summary>
    public Task DeleteAsync(Guid ownerId, AccountId id, CancellationToken cancellationToken) =>
        store.ChangeAsync(id, ownerId, (book, now, _) =>
        {
            if (book.OpenPositions.Count > 0 || book.WorkingOrders.Count > 0)
            {
                throw new TradingException(TradingErrorKind.Conflict,
                    $"The account has {book.OpenPositions.Count} open position(s) and {book.WorkingOrders.Count} open order(s); close and cancel them first.");
            }

            book.Account.DeletedAt = now;
            book.Account.IsDefault = false;
            book.Account.UpdatedAt = now;
            return Task.FromResult(true);
        }, cancellationToken);

    public Task<AccountResponse> DepositAsync(Guid ownerId, AccountId id, TransferRequest request, CancellationToken cancellationToken) =>
        store.ChangeAsync(id, ownerId, (book, now, _) =>
        {
            AccountCash.Deposit(book, request.Amount!.Value, request.Description, now);
            return Task.FromResult(AccountResponse.From(book, MarginCalculator.Snapshot(book, market)));
        }, cancellationToken);

    public Task<AccountResponse> WithdrawAsync(Guid ownerId, AccountId id, TransferRequest request, CancellationToken cancellationToken) =>
        store.ChangeAsync(id, ownerId, (book, now, _) =>
        {
            AccountCash.Withdraw(book, request.Amount!.Value, request.Description, market, now);
            return Task.FromResult(AccountResponse.From(book, MarginCalculator.Snapshot(book, market)));
        }, cancellationToken);

    /// <summary>Any user's account (administrators only; the endpoint's policy checks the role).</summary>
    public Task<AccountResponse> AdjustAsync(AccountId id, AdjustmentRequest request, CancellationToken cancellationToken) =>
        store.ChangeAsync(id, ownerId: null, (book, now, _) =>
        {
            AccountCash.Adjust(book, request.Amount!.Value, request.Reason!, market, now);
            return Task.FromResult(AccountResponse.From(book, MarginCalculator.Snapshot(book, market)));
        }, cancellationToken);

    public async Task<(IReadOnlyList<LedgerEntryResponse> Items, int Total)> LedgerAsync(
        Guid ownerId, AccountId id, PageRequest page, LedgerEntryType? type, CancellationToken cancellationToken)
    {
        await reader.FindOwnedAsync(ownerId, id, cancellationToken);
        var cash = LedgerAccounts.Cash(id);
        var query = db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == id && e.Book == cash);
        if (type is { } t)
        {
            query = query.Where(e => e.Type == t);
        }

        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Skip(page.Skip).Take(page.Limit).ToListAsync(cancellationToken);
        var transactions = entries.Select(e => e.TransactionId).ToList();
        var counters = await db.LedgerEntries.AsNoTracking().Where(e => transactions.Contains(e.TransactionId) && e.Book != cash)
            .ToDictionaryAsync(e => e.TransactionId, e => e.Book, cancellationToken);
        return ([.. entries.Select(e => LedgerEntryResponse.From(e, counters.GetValueOrDefault(e.TransactionId, "")))], total);
    }

    public async Task<ReconciliationResponse> ReconcileAsync(Guid ownerId, AccountId id, CancellationToken cancellationToken)
    {
        var account = await reader.FindOwnedAsync(ownerId, id, cancellationToken);
        var cash = LedgerAccounts.Cash(id);
        var entries = db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == id);
        var ledgerBalance = await entries.Where(e => e.Book == cash).SumAsync(e => e.Amount, cancellationToken);
        var count = await entries.CountAsync(e => e.Book == cash, cancellationToken);
        var unbalanced = await entries.GroupBy(e => e.TransactionId).Where(g => g.Sum(e => e.Amount) != 0m).CountAsync(cancellationToken);
        return new ReconciliationResponse(id.Value, ledgerBalance == account.Balance, account.Balance, ledgerBalance,
            account.Balance - ledgerBalance, count, unbalanced == 0, time.GetUtcNow());
    }
}
