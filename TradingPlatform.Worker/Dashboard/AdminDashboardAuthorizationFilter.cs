using Hangfire.Dashboard;

namespace TradingPlatform.Worker.Dashboard;

/// <summary>
/// Hangfire's own check, behind the endpoint's authorization policy: only an authenticated admin passes. Registered as
/// both a synchronous and an asynchronous filter, so that neither list falls back to Hangfire's default (local requests
/// only). Hangfire answers a refusal with 401 when nobody is signed in and 403 otherwise.
/// </summary>
internal sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter, IDashboardAsyncAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(DashboardAccess.AdminRole);
    }

    public Task<bool> AuthorizeAsync(DashboardContext context) => Task.FromResult(Authorize(context));
}
