using Microsoft.EntityFrameworkCore;
using TradingPlatform.ServiceDefaults.Data;

namespace TradingPlatform.Api.Infrastructure.Data;

public static class SchemaReadyExtensions
{
    /// <summary>Endpoints of the group answer 503 until <typeparamref name="TContext"/>'s schema is ready.</summary>
    public static RouteGroupBuilder RequireSchema<TContext>(this RouteGroupBuilder group)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.AddEndpointFilter<SchemaReadyFilter<TContext>>();
    }
}
