using StackExchange.Redis;

namespace TradingPlatform.ServiceDefaults.Redis;

/// <summary>
/// Owns the application's single multiplexer and starts connecting on first use. Connecting is asynchronous so
/// that the health check can bound its wait: against a server that is down, the first connect takes up to two
/// ConnectTimeouts (10 s by default) before the multiplexer gives up and goes on reconnecting in the background.
/// </summary>
internal sealed class RedisConnectionProvider(ConfigurationOptions options) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectionMultiplexer.ConnectAsync(options));

    /// <summary>Where the multiplexer connects, for diagnosing a connection that does not come up.</summary>
    public IReadOnlyList<System.Net.EndPoint> EndPoints { get; } = [.. options.EndPoints];

    /// <summary>
    /// The multiplexer, once its first connection attempt is over. With AbortOnConnectFail=false that attempt
    /// never throws for an unreachable server; the multiplexer is then disconnected and keeps trying.
    /// </summary>
    public Task<ConnectionMultiplexer> GetAsync() => _connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await _connection.Value.Result.DisposeAsync();
        }
    }
}
