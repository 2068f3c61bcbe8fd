using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace TradingPlatform.AppHost.ResourceApi;

/// <summary>
/// The error envelope of ARCHITECTURE.md, as the Api writes it: RFC 9457 problem details carrying
/// <c>success:false, error{code,message,details}, traceId, timestamp</c>.
/// </summary>
internal static class ResourceApiErrors
{
    public const string Authentication = "AUTHENTICATION_ERROR";
    public const string NotFound = "NOT_FOUND_ERROR";
    public const string Validation = "VALIDATION_ERROR";
    public const string Conflict = "CONFLICT_ERROR";

    public static ProblemHttpResult Problem(HttpContext httpContext, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var time = httpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        return TypedResults.Problem(
            detail: message,
            statusCode: status,
            title: TitleFor(status),
            type: $"https://tradingplatform.dev/errors/{code.ToLowerInvariant().Replace('_', '-')}",
            instance: httpContext.Request.Path,
            extensions: new Dictionary<string, object?>
            {
                ["success"] = false,
                ["error"] = new ResourceApiError(code, message, null),
                ["traceId"] = Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier,
                ["timestamp"] = time.GetUtcNow(),
            });
    }

    private static string TitleFor(int status) => status switch
    {
        400 => "Malformed request",
        401 => "Authentication required",
        404 => "Not found",
        409 => "Conflict",
        _ => "Request failed",
    };
}
