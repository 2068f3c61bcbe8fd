using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace TradingPlatform.Hosting.LocalServers.RabbitMQ;

/// <summary>Healthy when an AMQP connection opens (the full handshake); it is kept open so the broker's log is not flooded.</summary>
internal sealed class RabbitMQHealthCheck(Func<CancellationToken, ValueTask<string?>> connectionString) : IHealthCheck
{
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
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
                Uri = new Uri(await connectionString(cancellationToken) ?? ""),
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
            return HealthCheckResult.Unhealthy(ex.InnerException?.Message ?? ex.Message);
        }
    }
}
