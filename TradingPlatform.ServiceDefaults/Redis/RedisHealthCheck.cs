using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using TradingPlatform.ServiceDefaults.HealthChecks;

namespace TradingPlatform.ServiceDefaults.Redis;

/// <summary>PINGs Redis through the application's own multiplexer.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer multiplexer, RedisConnectionFailures failures) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!multiplexer.IsConnected)
        {
            // The multiplexer reconnects in the background (AbortOnConnectFail=false); say why it is not there yet.
            var endpoints = string.Join(", ", multiplexer.GetEndPoints().Select(endpoint => endpoint.ToString()));
            return HealthCheckResult.Unhealthy(
                $"Not connected to Redis at {endpoints}: {failures.LastFailure ?? "still connecting"}");
        }

        try
        {
            // PingAsync takes no token; WaitAsync lets the health-check timeout win over a server that never answers.
            var latency = await multiplexer.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(FailureDescription.From(exception));
        }
    }
}
