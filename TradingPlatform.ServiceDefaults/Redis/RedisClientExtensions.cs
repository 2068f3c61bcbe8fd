using Microsoft.Extensions.DependencyInjection;
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

        builder.Services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(connectionString);

            // Never fail start-up (or the first request) because Redis is down: the multiplexer keeps reconnecting
            // in the background and the health check reports the outage meanwhile.
            options.AbortOnConnectFail = false;
            configureOptions?.Invoke(options);

            return ConnectionMultiplexer.Connect(options);
        });

        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>(
            connectionName,
            failureStatus: null,
            tags: DependencyHealthChecks.Tags,
            timeout: DependencyHealthChecks.Timeout);
    }
}
