using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using TradingPlatform.ServiceDefaults.HealthChecks;

namespace TradingPlatform.ServiceDefaults.Redis;

/// <summary>PINGs Redis through the application's own multiplexer.</summary>
internal sealed class RedisHealthCheck(RedisConnectionProvider connections, TimeProvider timeProvider) : IHealthCheck
{
    /// <summary>
    /// How long the first probe waits for the first connection attempt. A reachable server answers in
    /// milliseconds; a dead one keeps the attempt going for up to 10 s, longer than the check may take.
    /// </summary>
    private static readonly TimeSpan FirstConnectPatience = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ConnectionMultiplexer multiplexer;
        try
        {
            multiplexer = await connections.GetAsync().WaitAsync(FirstConnectPatience, timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy(await DiagnoseAsync("Still connecting to Redis", cancellationToken));
        }

        if (!multiplexer.IsConnected)
        {
            // A PING would only wait in the multiplexer's backlog until it times out, and the multiplexer does not
            // expose why it cannot connect, so find out directly.
            return HealthCheckResult.Unhealthy(await DiagnoseAsync("Not connected to Redis", cancellationToken));
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

    private async Task<string> DiagnoseAsync(string state, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        foreach (var endpoint in connections.EndPoints)
        {
            reasons.Add($"{Format(endpoint)}: {await ProbeAsync(endpoint, cancellationToken)}");
        }

        return $"{state} ({string.Join("; ", reasons)}); the client keeps reconnecting.";
    }

    private static async Task<string> ProbeAsync(EndPoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endpoint, cancellationToken);
            return "the server accepts TCP connections, but the Redis handshake fails (wrong password or TLS setting?)";
        }
        catch (SocketException exception)
        {
            return exception.Message;
        }
    }

    private static string Format(EndPoint endpoint) => endpoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endpoint.ToString() ?? "?",
    };
}
