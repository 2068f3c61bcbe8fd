using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradingPlatform.ServiceDefaults.HealthChecks;

/// <summary>
/// Opens the context's own connection and runs <c>SELECT 1</c>. Unlike <c>Database.CanConnectAsync</c> (what Aspire's
/// DbContext check calls) it keeps the failure reason, and unlike a query through EF it bypasses the retrying
/// execution strategy, which keeps a dead database "pending" for about a minute instead of answering Unhealthy at once.
/// </summary>
internal sealed class DatabaseHealthCheck<TContext>(TContext dbContext) : IHealthCheck
    where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connection = dbContext.Database.GetDbConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The description carries the reason; the exception itself would log a stack trace at every probe.
            return HealthCheckResult.Unhealthy(FailureDescription.From(exception));
        }
        finally
        {
            // The context goes back to the pool; it must not keep a connection we opened.
            await connection.CloseAsync();
        }
    }
}
