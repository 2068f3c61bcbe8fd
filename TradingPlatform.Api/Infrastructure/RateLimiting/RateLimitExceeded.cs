using System.Globalization;
using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Infrastructure.RateLimiting;

internal static class RateLimitExceeded
{
    public static async Task WriteAsync(HttpContext context, RateLimitDecision decision, string what)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiErrors.Problem(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimit,
                $"Too many {what}; retry in {seconds} s.", new { retryAfterSeconds = seconds })
            .ExecuteAsync(context);
    }

    public static ApiException Exception(RateLimitDecision decision, string what)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        return new ApiException(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimit,
            $"Too many {what}; retry in {seconds} s.", new { retryAfterSeconds = seconds })
        {
            RetryAfterSeconds = seconds,
        };
    }
}
