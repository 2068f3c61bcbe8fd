using RabbitMQ.Client;

namespace TradingPlatform.ServiceDefaults.RabbitMQ;

/// <summary>
/// Owns the application's single RabbitMQ connection and creates it on first use, not at start-up, so that a
/// broker that is down when the service starts makes the health check Unhealthy instead of crashing the service.
/// A failed attempt is not remembered: the next caller tries again.
/// </summary>
public sealed class RabbitMQConnectionProvider(IConnectionFactory factory) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<IConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _connection) is { } existing)
        {
            return existing;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                var connection = await factory.CreateConnectionAsync(cancellationToken);
                Volatile.Write(ref _connection, connection);
            }

            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }

        _gate.Dispose();
    }
}
