using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace TradingPlatform.Api.Infrastructure.Errors;

/// <summary>
/// Completes every problem details response, including those the framework writes by itself (unknown route, wrong
/// method, authentication challenge), with the seed envelope: success, error, traceId and timestamp.
/// </summary>
public static class ProblemEnvelope
{
    public const string ErrorKey = "error";

    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Status = status;
        problem.Title ??= TitleFor(status);
        problem.Instance ??= context.HttpContext.Request.Path;
        if (!problem.Extensions.TryGetValue(ErrorKey, out var error) || error is null)
        {
            var code = ErrorCodes.ForStatus(status);
            var message = problem.Detail ?? DefaultMessage(context.HttpContext, status);
            problem.Detail ??= message;
            problem.Type = TypeFor(code);
            problem.Extensions[ErrorKey] = new ErrorBody(code, message, null);
        }

        // A 500 carries no exception details outside Development; ASP.NET Core's developer page adds them there.
        problem.Extensions.Remove("exception");
        problem.Extensions["success"] = false;
        problem.Extensions["traceId"] = TraceId(context.HttpContext);
        problem.Extensions["timestamp"] = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
    }

    public static string TraceId(HttpContext httpContext) =>
        Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;

    public static string TypeFor(string code) =>
        $"https://tradingplatform.dev/errors/{code.ToLowerInvariant().Replace('_', '-')}";

    public static string TitleFor(int status) => status switch
    {
        400 => "Malformed request",
        401 => "Authentication required",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        413 => "Payload too large",
        415 => "Unsupported media type",
        422 => "Validation failed",
        429 => "Too many requests",
        501 => "Not implemented",
        502 => "Bad gateway",
        503 => "Service unavailable",
        _ => status >= 500 ? "Internal server error" : "Request failed",
    };

    private static string DefaultMessage(HttpContext context, int status) => status switch
    {
        401 => "A valid bearer token is required.",
        403 => "You do not have permission to do this.",
        404 => $"No endpoint answers {context.Request.Method} {context.Request.Path}.",
        405 => $"{context.Request.Path} does not accept {context.Request.Method}"
               + (context.Response.Headers.Allow is { Count: > 0 } allow ? $"; allowed: {allow}." : "."),
        415 => $"Content type '{context.Request.ContentType ?? "none"}' is not supported; send application/json.",
        413 => "The request body is too large.",
        429 => "Too many requests; slow down and retry later.",
        503 => "A service this request needs is unavailable; retry later.",
        _ when status >= 500 => "An unexpected error occurred.",
        _ => context.Features.Get<IHttpResponseFeature>()?.ReasonPhrase ?? "The request failed.",
    };
}
