using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using TradingPlatform.ServiceDefaults.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Readiness checks of the servers a service uses, one per connection and named after it ("tradingdb", "cache",
/// "messaging", the AppHost's resource names), tagged "ready" and bounded by <see cref="DependencyHealthChecks.Timeout"/>.
/// </summary>
/// <remarks>
/// <para>
/// They replace the checks of Aspire's client integrations, which each service switches off with
/// <c>DisableHealthChecks = true</c> while keeping the rest of the integration (pooling, retries, tracing, metrics).
/// Measured with Aspire 13.6.5 against a closed port and a wrong password: its DbContext check (named after the
/// context type, so one per context on the same database) calls <c>CanConnectAsync</c>, which swallows the reason
/// and, through the retrying execution strategy, answers a closed port after about a minute; its Redis check
/// ("StackExchange.Redis") waits in the multiplexer's backlog for 5 to 11 s and says "timed out in the backlog"
/// rather than "connection refused"; its RabbitMQ check ("RabbitMQ.Client") resolves the connection before the
/// check's timeout applies, and that resolution retries for about 30 s. None of them carries a tag or a timeout.
/// </para>
/// <para>
/// Each also requires <c>ConnectionStrings:&lt;name&gt;</c> when called, so that a missing one fails start-up naming the
/// key. Aspire's clients find out late: the DbContext on its first use, Redis on the first resolution of the
/// multiplexer, RabbitMQ never (without a connection string it connects to amqp://guest@localhost:5672).
/// </para>
/// </remarks>
public static class DependencyHealthCheckExtensions
{
    /// <summary>
    /// A <c>SELECT 1</c> through <typeparamref name="TContext"/>'s connection. Several contexts share one database
    /// (the Api's trading and identity contexts use "tradingdb"): a second call for the same name adds nothing.
    /// </summary>
    public static IHostApplicationBuilder AddDatabaseHealthCheck<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        if (TryClaim(builder, connectionName))
        {
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
                connectionName,
                services => ActivatorUtilities.GetServiceOrCreateInstance<DatabaseHealthCheck<TContext>>(services),
                failureStatus: null,
                DependencyHealthChecks.Tags,
                DependencyHealthChecks.Timeout));
        }

        return builder;
    }

    /// <summary>A PING through the multiplexer of <c>AddRedisClient(<paramref name="connectionName"/>)</c>.</summary>
    public static IHostApplicationBuilder AddRedisHealthCheck(this IHostApplicationBuilder builder, string connectionName)
    {
        if (TryClaim(builder, connectionName))
        {
            // Parsed now, so that a malformed connection string fails start-up too.
            IReadOnlyList<EndPoint> endPoints = [.. ConfigurationOptions.Parse(builder.Configuration.GetConnectionString(connectionName)!).EndPoints];
            builder.Services.AddKeyedSingleton(connectionName, (services, _) =>
                new RedisHealthCheck(services, endPoints, services.GetService<TimeProvider>() ?? TimeProvider.System));
            AddSingletonCheck<RedisHealthCheck>(builder, connectionName);
        }

        return builder;
    }

    /// <summary>
    /// Whether the connection of <c>AddRabbitMQClient(<paramref name="connectionName"/>)</c> is open. Set the client's
    /// <c>MaxConnectRetryCount</c> to 0: otherwise each probe against a broker that is down waits out Aspire's retries
    /// (about 30 s) and ends at the check's timeout without the reason.
    /// </summary>
    public static IHostApplicationBuilder AddRabbitMQHealthCheck(this IHostApplicationBuilder builder, string connectionName)
    {
        if (TryClaim(builder, connectionName))
        {
            builder.Services.AddKeyedSingleton(connectionName, (services, _) => new RabbitMQHealthCheck(services));
            AddSingletonCheck<RabbitMQHealthCheck>(builder, connectionName);
        }

        return builder;
    }

    private static void AddSingletonCheck<TCheck>(IHostApplicationBuilder builder, string connectionName)
        where TCheck : class, IHealthCheck =>
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            connectionName,
            services => services.GetRequiredKeyedService<TCheck>(connectionName),
            failureStatus: null,
            DependencyHealthChecks.Tags,
            DependencyHealthChecks.Timeout));

    /// <summary>Fails when the connection string is missing; false when a check of that name was already added.</summary>
    private static bool TryClaim(IHostApplicationBuilder builder, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(connectionName)))
        {
            throw new InvalidOperationException(
                $"ConnectionString is missing. It should be provided in 'ConnectionStrings:{connectionName}' " +
                $"(environment variable 'ConnectionStrings__{connectionName}').");
        }

        return builder.Properties.TryAdd($"TradingPlatform.HealthChecks.{connectionName}", true);
    }
}
