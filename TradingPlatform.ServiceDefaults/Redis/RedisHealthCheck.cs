using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using TradingPlatform.ServiceDefaults.HealthChecks;

namespace TradingPlatform.ServiceDefaults.Redis;

/// <summary>PINGs Redis through the application's own multiplexer.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer multiplexer) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!multiplexer.IsConnected)
        {
            // A PING would only wait in the multiplexer's backlog until it times out, and the multiplexer does not
            // expose why it cannot connect, so find out directly.
            return HealthCheckResult.Unhealthy(await DiagnoseAsync(cancellationToken));
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

    private async Task<string> DiagnoseAsync(CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        foreach (var endpoint in multiplexer.GetEndPoints())
        {
            reasons.Add($"{Format(endpoint)}: {await ProbeAsync(endpoint, cancellationToken)}");
        }

        return $"Not connected to Redis ({string.Join("; ", reasons)}); the client keeps reconnecting.";
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
