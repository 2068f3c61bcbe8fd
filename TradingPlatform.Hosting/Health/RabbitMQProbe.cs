using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace TradingPlatform.Hosting.Health;

/// <summary>Ready when an AMQP connection opens; it is kept open so the broker's log is not flooded.</summary>
internal sealed class RabbitMQProbe(string connectionString) : IHealthProbe
{
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_connection is { IsOpen: true })
            {
                return HealthCheckResult.Healthy();
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }

            var factory = new ConnectionFactory
            {
                Uri = new Uri(connectionString),
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
                AutomaticRecoveryEnabled = false,
                ClientProvidedName = "apphost-health",
            };
            _connection = await factory.CreateConnectionAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or IOException
                                       or TimeoutException or UriFormatException or ArgumentException)
        {
            return HealthCheckResult.Unhealthy(ex.InnerException?.Message ?? ex.Message, ex);
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
