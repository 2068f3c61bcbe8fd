using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.ServiceDefaults.HealthChecks;

namespace TradingPlatform.ServiceDefaults.Data;

/// <summary>Schema migrations at start-up, shared by every service that owns a schema (the Api's identity and trading, the Worker's analytics).</summary>
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
}
