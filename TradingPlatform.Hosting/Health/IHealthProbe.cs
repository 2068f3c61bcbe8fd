using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradingPlatform.Hosting.Health;

/// <summary>Asks a resource, in its own protocol, whether it is ready to serve.</summary>
internal interface IHealthProbe : IAsyncDisposable
{
    Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken);
}
