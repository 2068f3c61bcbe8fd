using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Accounts;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Trading;

/// <summary>
/// The account seed 001's <c>/api/trading/*</c> endpoints act on: the user's default account, else their oldest; a
/// user with none gets a demo account with the default balance on first use, so those endpoints work at once.
/// </summary>
internal sealed class DefaultAccountResolver(TradingDbContext db, AccountService accounts)
{
    public const string DefaultAccountName = "Paper account";

    public async Task<AccountId> ResolveAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var existing = await db.Accounts.AsNoTracking().Where(a => a.OwnerId == ownerId && a.DeletedAt == null)
            .OrderByDescending(a => a.IsDefault).ThenBy(a => a.CreatedAt).Select(a => (AccountId?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }

        try
        {
            var created = await accounts.CreateAsync(ownerId, new CreateAccountRequest { Name = DefaultAccountName }, cancellationToken, onlyAsDefault: true);
            return new AccountId(created.Id);
        }
        catch (DbUpdateException)
        {
            // Two first requests raced to create the default account; the unique default index let one win.
            db.ChangeTracker.Clear();
            return await db.Accounts.AsNoTracking().Where(a => a.OwnerId == ownerId && a.IsDefault && a.DeletedAt == null)
                .Select(a => a.Id).SingleAsync(cancellationToken);
        }
    }
}
