using TradingPlatform.ServiceDefaults.Data;

namespace TradingPlatform.AiService.Data;

/// <summary>
/// Answers 503 with Retry-After while the ai schema is still being migrated at start, instead of a 500 from a missing
/// table: the endpoints that read or write it carry this filter.
/// </summary>
internal sealed class SchemaReadyFilter(SchemaStatus<AiDbContext> status) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!status.IsCompleted)
        {
            context.HttpContext.Response.Headers.RetryAfter = "5";
            return ValueTask.FromResult<object?>(TypedResults.Problem($"The {status.DisplayName} is starting; retry in a few seconds.", statusCode: StatusCodes.Status503ServiceUnavailable));
        }

        return next(context);
    }
}
