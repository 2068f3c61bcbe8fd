using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace TradingPlatform.Hosting.LocalServers.Redis;

/// <summary>Healthy when PING answers; one connection is kept so the probe does not churn connections.</summary>
internal sealed class RedisHealthCheck(Func<CancellationToken, ValueTask<string?>> connectionString) : IHealthCheck, IAsyncDisposable
{
    private ConnectionMultiplexer? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (_connection is null)
            {
                var options = ConfigurationOptions.Parse(await connectionString(cancellationToken) ?? "");
                options.ConnectTimeout = 3000;
                options.AbortOnConnectFail = true;
                _connection = await ConnectionMultiplexer.ConnectAsync(options);
            }

            await _connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ArgumentException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
