using StackExchange.Redis;
using TradingPlatform.ServiceDefaults.HealthChecks;

namespace TradingPlatform.ServiceDefaults.Redis;

/// <summary>
/// Remembers why the multiplexer last lost (or failed to make) its connection. While disconnected, a PING would
/// only sit in the multiplexer's backlog until it times out, so the health check answers from here instead.
/// </summary>
internal sealed class RedisConnectionFailures
{
    private string? _lastFailure;

    public string? LastFailure => Volatile.Read(ref _lastFailure);

    public void Watch(IConnectionMultiplexer multiplexer)
    {
        ArgumentNullException.ThrowIfNull(multiplexer);

        multiplexer.ConnectionFailed += (_, failure) => Volatile.Write(
            ref _lastFailure,
            failure.Exception is { } exception
                ? $"{failure.EndPoint}: {failure.FailureType}: {FailureDescription.From(exception)}"
                : $"{failure.EndPoint}: {failure.FailureType}");
        multiplexer.ConnectionRestored += (_, _) => Volatile.Write(ref _lastFailure, null);
    }
}
