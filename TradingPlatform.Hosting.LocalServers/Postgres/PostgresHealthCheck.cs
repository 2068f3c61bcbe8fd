using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace TradingPlatform.Hosting.LocalServers.Postgres;

/// <summary>Healthy when <c>SELECT 1</c> answers on the resource's connection string (read when the check runs).</summary>
internal sealed class PostgresHealthCheck(Func<CancellationToken, ValueTask<string?>> connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(await connectionString(cancellationToken))
            {
                Timeout = 3,
                CommandTimeout = 3,
                // A probe every few seconds must not hold a pooled connection, or the server could never shut down fast.
                Pooling = false,
            };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or ArgumentException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
