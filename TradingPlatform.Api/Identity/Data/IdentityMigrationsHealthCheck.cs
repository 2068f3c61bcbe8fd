using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradingPlatform.Api.Identity.Data;

/// <summary>Not ready until the identity schema exists: login and registration would fail before.</summary>
internal sealed class IdentityMigrationsHealthCheck(IdentityMigrationStatus status) : IHealthCheck
{
    public const string Name = "identity-migrations";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.IsCompleted
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(
                context.Registration.FailureStatus,
                "The identity migrations have not been applied yet" + (status.LastError is { } error ? $": {error}" : ".")));
}
