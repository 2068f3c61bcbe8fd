using System.Security.Claims;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Identity.Users;

namespace TradingPlatform.Api.Identity.ApiKeys;

/// <summary>
/// What an agent may do. A key carries a subset of the scopes; a caller with the user's own access token has the
/// scopes of the role (a trader or an admin all three, a viewer <c>read</c> only). Either way the role is checked at
/// each call, so a key with <c>trade</c> stops trading the moment its user is made a viewer.
/// </summary>
public static class ApiKeyScopes
{
    /// <summary>Read the user's own data and the market: holdings, orders, positions, backtests, quotes, forecasts, chat.</summary>
    public const string Read = "read";

    /// <summary>Place and cancel paper orders.</summary>
    public const string Trade = "trade";

    /// <summary>Start backtests.</summary>
    public const string Backtest = "backtest";

    public static IReadOnlyList<string> All { get; } = [Read, Trade, Backtest];

    public static bool IsKnown(string? scope) => scope is Read or Trade or Backtest;

    /// <summary>Whether a user of <paramref name="role"/> may hold <paramref name="scope"/> at all.</summary>
    public static bool RoleAllows(string? role, string scope) =>
        scope == Read ? Roles.IsValid(role) : role is Roles.Admin or Roles.Trader;

    /// <summary>The scopes the caller holds now: the key's that the role still allows, or the role's own for an access token.</summary>
    public static IReadOnlyList<string> Of(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        var role = principal.FindFirstValue(TokenClaims.Role);
        var granted = ApiKeyClaims.IsApiKey(principal)
            ? principal.FindAll(ApiKeyClaims.Scope).Select(c => c.Value)
            : All;
        return [.. granted.Where(scope => IsKnown(scope) && RoleAllows(role, scope)).Distinct(StringComparer.Ordinal)];
    }

    public static bool Grants(ClaimsPrincipal principal, string scope) => Of(principal).Contains(scope, StringComparer.Ordinal);
}
