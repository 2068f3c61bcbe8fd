using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace TradingPlatform.Hosting.Health;

/// <summary>Ready when a SQL query answers.</summary>
internal sealed class PostgresProbe(string connectionString) : IHealthProbe
{
    private readonly NpgsqlDataSource _dataSource = new NpgsqlDataSourceBuilder(
        new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 3, CommandTimeout = 3, Pooling = false }.ConnectionString).Build();

    public async Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or ArgumentException)
        {
            return HealthCheckResult.Unhealthy(ex.Message, ex);
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
