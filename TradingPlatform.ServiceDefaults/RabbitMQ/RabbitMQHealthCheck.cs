using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingPlatform.ServiceDefaults.HealthChecks;

namespace TradingPlatform.ServiceDefaults.RabbitMQ;

/// <summary>
/// Healthy while the application's connection is open. Before the first connection exists it tries to open it,
/// so the reason a broker cannot be reached shows up here rather than as a crash.
/// </summary>
internal sealed class RabbitMQHealthCheck(RabbitMQConnectionProvider connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await connections.GetConnectionAsync(cancellationToken);
            return connection.IsOpen
                ? HealthCheckResult.Healthy($"Connected to {connection.Endpoint}")
                // Automatic recovery is reconnecting; CloseReason says why the connection dropped.
                : HealthCheckResult.Unhealthy($"Connection to {connection.Endpoint} is not open: {connection.CloseReason}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The description carries the reason; the exception itself would log a stack trace at every probe.
            return HealthCheckResult.Unhealthy(FailureDescription.From(exception));
        }
    }
}
