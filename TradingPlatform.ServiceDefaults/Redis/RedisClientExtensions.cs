using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using TradingPlatform.ServiceDefaults.Configuration;
using TradingPlatform.ServiceDefaults.HealthChecks;
using TradingPlatform.ServiceDefaults.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>The shape of Aspire.StackExchange.Redis, which the package registry here does not serve.</summary>
public static class RedisClientExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="IConnectionMultiplexer"/> from <c>ConnectionStrings:<paramref name="connectionName"/></c>
    /// (<c>host:port,password=…</c>) and a PING health check named <paramref name="connectionName"/> tagged "ready".
    /// </summary>
    public static void AddRedisClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<ConfigurationOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var connectionString = ConnectionStrings.GetRequired(builder.Configuration, connectionName);

        // Parsed now, so that a malformed connection string fails start-up rather than the first request.
        var options = ConfigurationOptions.Parse(connectionString);

        // Never fail start-up (or the first request) because Redis is down: the multiplexer keeps reconnecting
        // in the background and the health check reports the outage meanwhile.
        options.AbortOnConnectFail = false;
        configureOptions?.Invoke(options);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new RedisConnectionProvider(options));

        // Consumers inject IConnectionMultiplexer as with Aspire; the first resolution waits for the first
        // connection attempt, as ConnectionMultiplexer.Connect would.
        builder.Services.AddSingleton<IConnectionMultiplexer>(sp =>
            sp.GetRequiredService<RedisConnectionProvider>().GetAsync().GetAwaiter().GetResult());

        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>(
            connectionName,
            failureStatus: null,
            tags: DependencyHealthChecks.Tags,
            timeout: DependencyHealthChecks.Timeout);
    }
}
