using Microsoft.EntityFrameworkCore;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Realtime.Auth;

/// <summary>Whether an account is the user's own and live (the same rule as AccountBookReader.FindOwnedAsync).</summary>
internal sealed class AccountOwnership(IServiceScopeFactory scopes)
{
    public async Task<bool> IsOwnedAsync(Guid accountId, Guid userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        var id = new AccountId(accountId);
        return await db.Accounts.AsNoTracking().AnyAsync(a => a.Id == id && a.OwnerId == userId && a.DeletedAt == null, cancellationToken);
    }
}
