using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingPlatform.Hosting.Dashboard.Pages;
using TradingPlatform.Hosting.ResourceApi;

namespace TradingPlatform.Hosting.Dashboard;

/// <summary>
/// Browser access by token, as Aspire's dashboard does it: the AppHost prints <c>/login?t=…</c>; a valid token sets an
/// HTTP-only, same-site-strict cookie (which is also what keeps other sites from posting commands). Scripts may send
/// the token as a bearer instead. Only the dashboard's port is guarded here: OTLP has its own key, the resource API
/// its own bearer key.
/// </summary>
internal static class DashboardAuth
{
    public const string CookieName = "tp_dashboard";

    public static void UseDashboardAuth(this WebApplication app, DashboardSettings settings)
    {
        var expected = CookieValue(settings.BrowserToken);
        app.Use(async (context, next) =>
        {
            if (context.Connection.LocalPort != settings.DashboardUrl.Port || IsOpen(context.Request.Path) || IsSignedIn(context.Request, settings, expected))
            {
                await next(context);
                return;
            }

            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await DashboardErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, ResourceApiErrors.Authentication,
                    "Sign in to the dashboard first: open the login URL the AppHost printed, or send the token as a bearer.");
                return;
            }

            var returnUrl = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        });
    }

    public static void MapLogin(this IEndpointRouteBuilder app, DashboardSettings settings)
    {
        var expected = CookieValue(settings.BrowserToken);
        app.MapGet("/login", (HttpContext context, string? t, string? returnUrl) =>
            t is null ? Results.Content(LoginPage.Render(returnUrl, error: null), "text/html; charset=utf-8") : SignIn(context, t, returnUrl));
        app.MapPost("/login", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            return SignIn(context, form["token"].ToString(), form["returnUrl"].ToString());
        }).DisableAntiforgery();
        app.MapPost("/logout", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(CookieName);
            return Results.Redirect("/login");
        }).DisableAntiforgery();

        IResult SignIn(HttpContext context, string token, string? returnUrl)
        {
            if (!Matches(CookieValue(token), expected))
            {
                return Results.Content(LoginPage.Render(returnUrl, "That token is not this run's; copy the login URL the AppHost printed."),
                    "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
            }

            context.Response.Cookies.Append(CookieName, expected, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                IsEssential = true,
                Path = "/",
            });

            // Only a local path: the login URL must not become an open redirect.
            var target = returnUrl is { Length: > 1 } local && local[0] == '/' && local[1] != '/' && local[1] != '\\' ? local : "/";
            return Results.Redirect(target);
        }
    }

    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments("/login") || path.StartsWithSegments("/api/resources") || path == "/favicon.ico";

    private static bool IsSignedIn(HttpRequest request, DashboardSettings settings, string expected)
    {
        if (request.Cookies.TryGetValue(CookieName, out var cookie) && Matches(cookie, expected))
        {
            return true;
        }

        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && Matches(CookieValue(header["Bearer ".Length..].Trim()), expected);
    }

    /// <summary>The cookie holds a hash of the token, so the token itself is not kept in the browser.</summary>
    private static string CookieValue(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static bool Matches(string actual, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(actual), Encoding.ASCII.GetBytes(expected));
}
