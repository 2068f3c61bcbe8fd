using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;

namespace TradingPlatform.Worker.Dashboard;

/// <summary>
/// Signs a browser in to the dashboard: a GET of <c>/hangfire…?access_token=&lt;jwt&gt;</c> whose token authenticated
/// as an admin gets the token in an HttpOnly, SameSite=Strict cookie limited to <c>/hangfire</c> that expires with the
/// token, and a redirect to the same URL without the token (so that it leaves the address bar and the history). Any
/// other request passes on: a bad token is refused with 401, a trader's or viewer's with 403, by the dashboard's policy.
/// Runs after authentication.
/// </summary>
internal sealed class DashboardSignInMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !DashboardAccess.IsDashboardRequest(context)
            || !context.Request.Query.TryGetValue(DashboardAccess.QueryParameter, out var token) || string.IsNullOrEmpty(token)
            || context.User.Identity?.IsAuthenticated != true || !context.User.IsInRole(DashboardAccess.AdminRole)
            || !long.TryParse(context.User.FindFirst("exp")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires))
        {
            return next(context);
        }

        context.Response.Cookies.Append(DashboardAccess.CookieName, token.ToString(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = DashboardAccess.CookiePath(context),
            Expires = DateTimeOffset.FromUnixTimeSeconds(expires),
            IsEssential = true,
        });

        var query = new QueryBuilder(context.Request.Query
            .Where(pair => pair.Key != DashboardAccess.QueryParameter)
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? ""))));
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Redirect(context.Request.PathBase + context.Request.Path + query.ToQueryString());
        return Task.CompletedTask;
    }
}
