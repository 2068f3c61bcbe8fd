using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.ServiceDefaults.Data;

namespace TradingPlatform.Api.Infrastructure.Data;

/// <summary>Answers 503 (retry later) while the schema is still being created, instead of a 500 from a missing table.</summary>
internal sealed class SchemaReadyFilter<TContext>(SchemaStatus<TContext> status) : IEndpointFilter
    where TContext : DbContext
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (!status.IsCompleted)
        {
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable,
                $"The {status.DisplayName} is starting; retry in a few seconds.") { RetryAfterSeconds = 5 };
        }

        return next(context);
    }
}
