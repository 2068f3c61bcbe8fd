using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace TradingPlatform.Hosting.Dashboard;

/// <summary>
/// The platform's error shape for the AppHost's JSON endpoints: RFC 9457 problem details carrying the seed envelope
/// (<c>success</c>, <c>error.code</c>, <c>error.message</c>, <c>traceId</c>, <c>timestamp</c>), as the services answer.
/// </summary>
internal static class DashboardErrors
{
    public const string Unauthorized = "AUTHENTICATION_ERROR";
    public const string Validation = "VALIDATION_ERROR";
    public const string NotFound = "NOT_FOUND_ERROR";
    public const string Conflict = "CONFLICT_ERROR";

    public static Task WriteAsync(HttpContext context, int status, string code, string message) =>
        Result(status, code, message, context.TraceIdentifier).ExecuteAsync(context);

    public static IResult Result(int status, string code, string message, string? traceId = null) =>
        Results.Json(new Dictionary<string, object?>
        {
            ["type"] = $"https://httpstatuses.io/{status}",
            ["title"] = ReasonPhrases.GetReasonPhrase(status),
            ["status"] = status,
            ["detail"] = message,
            ["success"] = false,
            ["error"] = new { code, message, details = (object?)null },
            ["traceId"] = traceId,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        }, contentType: "application/problem+json", statusCode: status);
}
