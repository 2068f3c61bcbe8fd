using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Identity.ApiKeys;
using TradingPlatform.Api.Identity.Audit;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Tokens;

namespace TradingPlatform.Api.Mcp;

/// <summary>
/// Writes what an agent did to the security audit log, with the key it used. The order or backtest itself is saved
/// first by its own service (in the trading schema, with its outbox events); this entry follows in the identity
/// schema, so a crash between the two can lose an audit line but never invent one for an action that did not happen.
/// </summary>
internal sealed class McpActionAudit(IdentityDbContext db, AuditLog audit)
{
    public async Task RecordAsync(ClaimsPrincipal caller, string @event, object details, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        audit.Add(@event, user, new
        {
            via = "mcp",
            apiKeyId = caller.FindFirstValue(ApiKeyClaims.KeyId),
            apiKeyName = caller.FindFirstValue(ApiKeyClaims.KeyName),
            action = details,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
