using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace TradingPlatform.ServiceDefaults.HealthChecks;

/// <summary>
/// Healthy while the connection that Aspire's <c>AddRabbitMQClient</c> registers is open. Until it exists, each probe
/// resolves it, which opens it: resolving blocks while connecting and throws when the broker cannot be reached (the
/// container caches no failure, so the next probe tries again), hence off the probe's thread and bounded by the
/// probe's token. One instance per connection, a singleton, so that it resolves from the root container.
/// </summary>
internal sealed class RabbitMQHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await Task.Run(services.GetRequiredService<IConnection>, cancellationToken).WaitAsync(cancellationToken);
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
