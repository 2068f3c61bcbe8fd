using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingPlatform.ServiceDefaults.Configuration;
using TradingPlatform.ServiceDefaults.HealthChecks;
using TradingPlatform.ServiceDefaults.Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The shape of Aspire.Npgsql.EntityFrameworkCore.PostgreSQL, which the package registry here does not serve.
/// </summary>
public static class NpgsqlDbContextExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> (pooled) on PostgreSQL from <c>ConnectionStrings:<paramref name="connectionName"/></c>,
    /// with retry on transient failures, and a health check named <paramref name="connectionName"/> tagged "ready".
    /// </summary>
    public static void AddNpgsqlDbContext<TContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<DbContextOptionsBuilder>? configureDbContextOptions = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);

        var connectionString = ConnectionStrings.GetRequired(builder.Configuration, connectionName);

        builder.Services.AddDbContextPool<TContext>(options =>
        {
            options.UseNpgsql(connectionString, npgsql =>
                // A database restart or failover must not fail the requests in flight.
                npgsql.EnableRetryOnFailure());
            configureDbContextOptions?.Invoke(options);
        });

        // Several contexts may share one database (the Api's TradingDbContext and IdentityDbContext both use
        // "tradingdb"): one check per connection name, since health checks refuse duplicate names.
        builder.Services.AddHealthChecks();
        builder.Services.Configure<HealthCheckServiceOptions>(options =>
        {
            if (options.Registrations.Any(registration => registration.Name == connectionName))
            {
                return;
            }

            options.Registrations.Add(new HealthCheckRegistration(
                connectionName,
                services => ActivatorUtilities.GetServiceOrCreateInstance<DbContextConnectionHealthCheck<TContext>>(services),
                failureStatus: null,
                tags: DependencyHealthChecks.Tags,
                timeout: DependencyHealthChecks.Timeout));
        });
    }
}
