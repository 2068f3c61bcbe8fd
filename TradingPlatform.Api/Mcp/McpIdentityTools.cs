using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ModelContextProtocol.Server;
using TradingPlatform.Api.Identity.ApiKeys;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Tokens;

namespace TradingPlatform.Api.Mcp;

/// <summary>Seed 003's mock <c>login</c>, made real: who the agent acts for and what it may do.</summary>
[McpServerToolType]
[Authorize(Policy = McpPolicies.Read)]
internal sealed class McpIdentityTools(IdentityDbContext db)
{
    [McpServerTool(Name = "whoami", Title = "Who am I", ReadOnly = true, OpenWorld = false)]
    [Description("The user this agent acts for (id, email, name, role), how it authenticated (an API key or the user's access token), and the scopes it holds now: read, trade (place and cancel paper orders), backtest (start backtests).")]
    public Task<McpWhoAmI> WhoAmIAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => McpToolErrors.GuardAsync(async () =>
    {
        var id = user.GetUserId();
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id, cancellationToken);
        var isKey = ApiKeyClaims.IsApiKey(user);
        return new McpWhoAmI(
            account.Id.Value, account.Email, account.DisplayName ?? account.Name, account.Role,
            isKey ? "api_key" : "access_token",
            isKey ? new McpWhoAmIKey(Guid.Parse(user.FindFirstValue(ApiKeyClaims.KeyId)!), user.FindFirstValue(ApiKeyClaims.KeyName) ?? "") : null,
            ApiKeyScopes.Of(user));
    });
}
