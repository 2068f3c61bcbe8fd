using TradingPlatform.ServiceDefaults.Security;

namespace TradingPlatform.Worker.Dashboard;

/// <summary>Where the Hangfire dashboard lives, who may open it, and the cookie that carries a browser's token.</summary>
public static class DashboardAccess
{
    public const string Path = "/hangfire";

    /// <summary>The authorization policy of the dashboard: signed in with the <see cref="AdminRole"/>.</summary>
    public const string Policy = "hangfire-dashboard";

    /// <summary>The Api's admin role, as its tokens carry it in the <see cref="RoleClaim"/> claim.</summary>
    public const string AdminRole = "admin";

    public const string RoleClaim = AccessTokenValidation.RoleClaim;

    public const string SubjectClaim = AccessTokenValidation.SubjectClaim;

    /// <summary>The query parameter a browser signs in with: <c>/hangfire?access_token=…</c>.</summary>
    public const string QueryParameter = "access_token";

    /// <summary>HttpOnly, SameSite=Strict, limited to <see cref="Path"/>, expiring with the token it holds.</summary>
    public const string CookieName = "hangfire_access_token";

    public static bool IsDashboardRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments(Path);
    }

    /// <summary>The cookie's path: the dashboard's, below any path base the Worker is mounted at.</summary>
    public static string CookiePath(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.PathBase.Add(Path).Value ?? Path;
    }
}
