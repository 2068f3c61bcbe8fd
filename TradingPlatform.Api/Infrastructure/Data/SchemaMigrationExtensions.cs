using Microsoft.EntityFrameworkCore;
using TradingPlatform.ServiceDefaults.HealthChecks;

namespace TradingPlatform.Api.Infrastructure.Data;

public static class SchemaMigrationExtensions
{
    /// <summary>
    /// Migrates <typeparamref name="TContext"/> in the background at start-up; readiness reports <paramref name="healthCheckName"/>
    /// unhealthy until it is done.
    /// </summary>
    public static IServiceCollection AddSchemaMigrations<TContext>(this IServiceCollection services, string healthCheckName, string displayName)
        where TContext : DbContext
    {
        services.AddSingleton(new SchemaStatus<TContext>(displayName));
        services.AddHostedService<SchemaMigrationService<TContext>>();
        services.AddHealthChecks().AddCheck<SchemaHealthCheck<TContext>>(healthCheckName, failureStatus: null, tags: DependencyHealthChecks.Tags);
        return services;
    }

    /// <summary>Endpoints of the group answer 503 until <typeparamref name="TContext"/>'s schema is ready.</summary>
    public static RouteGroupBuilder RequireSchema<TContext>(this RouteGroupBuilder group)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.AddEndpointFilter<SchemaReadyFilter<TContext>>();
    }
}
