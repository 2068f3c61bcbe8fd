using System.Globalization;
using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Infrastructure.RateLimiting;

/// <summary>The 429 of every limit: thrown where a service decides, written directly by the middleware (cheaper under a flood).</summary>
internal static class RateLimitExceeded
{
    public static ApiException Exception(RateLimitDecision decision, string what)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        return new ApiException(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimit,
            $"Too many {what}; retry in {seconds} s.", new { retryAfterSeconds = seconds })
        {
            RetryAfterSeconds = seconds,
        };
    }

    public static Task WriteAsync(HttpContext context, RateLimitDecision decision, string what)
    {
        var limited = Exception(decision, what);
        context.Response.Headers.RetryAfter = limited.RetryAfterSeconds!.Value.ToString(CultureInfo.InvariantCulture);
        return ApiErrors.Problem(limited.StatusCode, limited.Code, limited.Message, limited.Details).ExecuteAsync(context);
    }
}
