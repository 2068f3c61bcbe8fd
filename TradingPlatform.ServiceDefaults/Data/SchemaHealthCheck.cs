using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradingPlatform.ServiceDefaults.Data;

/// <summary>Not ready until the schema exists: its endpoints would fail before.</summary>
internal sealed class SchemaHealthCheck<TContext>(SchemaStatus<TContext> status) : IHealthCheck
    where TContext : DbContext
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.IsCompleted
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(
                context.Registration.FailureStatus,
                $"The {status.DisplayName} migrations have not been applied yet" + (status.LastError is { } error ? $": {error}" : ".")));
}
