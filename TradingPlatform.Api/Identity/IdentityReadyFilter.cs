using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Identity;

/// <summary>Answers 503 (retry later) while the identity schema is still being created, instead of a 500 from a missing table.</summary>
internal sealed class IdentityReadyFilter(IdentityMigrationStatus status) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (!status.IsCompleted)
        {
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable,
                "The identity store is starting; retry in a few seconds.") { RetryAfterSeconds = 5 };
        }

        return next(context);
    }
}
