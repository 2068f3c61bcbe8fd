using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TradingPlatform.ServiceDefaults.Security;

namespace TradingPlatform.Worker.Dashboard;

/// <summary>
/// Where the dashboard's token comes from, and what a refusal says. A browser cannot send a bearer header, so on the
/// dashboard's paths the token is also taken from <c>?access_token=</c> (signing in) or from the cookie that signing in
/// set; an <c>Authorization: Bearer</c> header wins over the cookie. Refusals are plain text for a person reading them
/// in a browser: 401 when there is no valid token (and a stale cookie is deleted), 403 when the token is not an admin's.
/// </summary>
internal sealed class DashboardTokenEvents(IOptions<AccessTokenOptions> jwt) : JwtBearerEvents
{
    public override Task MessageReceived(MessageReceivedContext context)
    {
        var http = context.HttpContext;
        if (!DashboardAccess.IsDashboardRequest(http))
        {
            return Task.CompletedTask;
        }

        if (http.Request.Query.TryGetValue(DashboardAccess.QueryParameter, out var query) && !string.IsNullOrEmpty(query))
        {
            context.Token = query.ToString();
        }
        else if (string.IsNullOrEmpty(http.Request.Headers.Authorization)
                 && http.Request.Cookies.TryGetValue(DashboardAccess.CookieName, out var cookie) && !string.IsNullOrEmpty(cookie))
        {
            context.Token = cookie;
        }

        return Task.CompletedTask;
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        var message = !jwt.Value.HasSigningKey
            ? "The dashboard is closed: the Worker has no Jwt:SigningKey (the AppHost passes it as Jwt__SigningKey)."
            : context.AuthenticateFailure switch
            {
                null => "Sign in as an admin: POST /api/auth/login on the Api, then open /hangfire?access_token=<accessToken>.",
                SecurityTokenExpiredException => "The access token has expired; sign in again and open /hangfire?access_token=<accessToken>.",
                _ => "The access token is invalid; sign in again and open /hangfire?access_token=<accessToken>.",
            };
        if (context.AuthenticateFailure is not null && http.Request.Cookies.ContainsKey(DashboardAccess.CookieName))
        {
            http.Response.Cookies.Delete(DashboardAccess.CookieName, new CookieOptions { Path = DashboardAccess.CookiePath(http) });
        }

        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(message, http.RequestAborted);
    }

    public override async Task Forbidden(ForbiddenContext context)
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync("The Hangfire dashboard is for admins only.", http.RequestAborted);
    }
}
