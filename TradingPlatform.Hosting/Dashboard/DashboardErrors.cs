using Microsoft.AspNetCore.Http;
using TradingPlatform.Hosting.ResourceApi;

namespace TradingPlatform.Hosting.Dashboard;

/// <summary>The platform's error envelope for the dashboard's middleware, which has no endpoint result to return.</summary>
internal static class DashboardErrors
{
    public static Task WriteAsync(HttpContext context, int status, string code, string message) =>
        ResourceApiErrors.Problem(context, status, code, message).ExecuteAsync(context);
}
