using Microsoft.AspNetCore.Authorization;
using TradingPlatform.Api.Identity.Users;

namespace TradingPlatform.Api.Identity;

/// <summary>Role-based policies for endpoint groups: <c>.RequireAuthorization(AuthorizationPolicies.Trader)</c>.</summary>
public static class AuthorizationPolicies
{
    /// <summary>Admins only.</summary>
    public const string Admin = "admin";

    /// <summary>May trade: traders and admins.</summary>
    public const string Trader = "trader";

    /// <summary>Any signed-in role, viewers included (read-only access).</summary>
    public const string Viewer = "viewer";

    public static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Trader, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Trader))
            .AddPolicy(Viewer, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.All));
    }
}
