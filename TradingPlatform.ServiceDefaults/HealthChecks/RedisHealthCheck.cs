using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace TradingPlatform.ServiceDefaults.HealthChecks;

/// <summary>
/// PINGs Redis through the multiplexer that Aspire's <c>AddRedisClient</c> registers. One instance per connection,
/// a singleton, so that it resolves the multiplexer from the root container (a probe may give up before it is built).
/// </summary>
internal sealed class RedisHealthCheck(IServiceProvider services, IReadOnlyList<EndPoint> endPoints, TimeProvider timeProvider) : IHealthCheck
{
    /// <summary>
    /// How long a probe waits for the multiplexer. Aspire builds it with a synchronous <c>ConnectionMultiplexer.Connect</c>
    /// (AbortOnConnectFail=false): a reachable server answers in milliseconds, a dead one keeps it waiting for the whole
    /// ConnectTimeout (5 s), longer than the check may take.
    /// </summary>
    private static readonly TimeSpan FirstConnectPatience = TimeSpan.FromSeconds(2);

    private Task<IConnectionMultiplexer>? _resolving;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IConnectionMultiplexer multiplexer;
        var resolving = ResolveAsync();
        try
        {
            multiplexer = await resolving.WaitAsync(FirstConnectPatience, timeProvider, cancellationToken);
        }
        catch (TimeoutException) when (!resolving.IsCompleted)
        {
            return HealthCheckResult.Unhealthy(await DiagnoseAsync("Still connecting to Redis", cancellationToken));
        }
        catch (Exception exception) when (resolving.IsFaulted)
        {
            // Building the multiplexer threw: a configuration error, since a server that is down is none
            // (AbortOnConnectFail=false). The next probe tries again.
            return HealthCheckResult.Unhealthy(FailureDescription.From(exception));
        }

        if (!multiplexer.IsConnected)
        {
            // A PING would only wait in the multiplexer's backlog until it times out (5 s), and the multiplexer does
            // not expose why it cannot connect, so find out directly.
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

    /// <summary>
    /// The multiplexer, built off the probe's thread. Built once (the container keeps the singleton); only a build that
    /// threw is tried again, as the container caches no failure.
    /// </summary>
    private Task<IConnectionMultiplexer> ResolveAsync()
    {
        var current = Volatile.Read(ref _resolving);
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            var next = Task.Run(services.GetRequiredService<IConnectionMultiplexer>);
            current = Interlocked.CompareExchange(ref _resolving, next, current) == current ? next : Volatile.Read(ref _resolving)!;
        }

        return current;
    }

    private async Task<string> DiagnoseAsync(string state, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        foreach (var endpoint in endPoints)
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
