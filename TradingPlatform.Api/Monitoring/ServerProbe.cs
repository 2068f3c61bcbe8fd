using System.Globalization;
using Npgsql;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace TradingPlatform.Api.Monitoring;

/// <summary>
/// Asks each server for its version and uptime through the clients the Api already holds. The Redis and RabbitMQ
/// clients are resolved only when asked (and only for a server whose check is not Unhealthy): Aspire creates each on
/// first resolution, which blocks while it connects.
/// </summary>
public sealed class ServerProbe(
    IConfiguration configuration,
    IServiceProvider services,
    ILogger<ServerProbe> logger)
{
    public async Task<(string Version, TimeSpan? Uptime)> DescribeAsync(string componentId, CancellationToken cancellationToken)
    {
        try
        {
            return componentId switch
            {
                ComponentIds.Postgres => await PostgresAsync(cancellationToken),
                ComponentIds.Redis => await RedisAsync(),
                ComponentIds.RabbitMQ => await RabbitMQAsync(cancellationToken),
                _ => ("unknown", null),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A status page describes failures; it must never become one. The health check reports the outage itself.
            logger.LogDebug(ex, "Could not describe {Component}", componentId);
            return ("unknown", null);
        }
    }

    private async Task<(string, TimeSpan?)> PostgresAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("tradingdb")) { Timeout = 3 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT current_setting('server_version'), extract(epoch FROM now() - pg_postmaster_start_time())::float8", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ($"PostgreSQL {reader.GetString(0)}", TimeSpan.FromSeconds(reader.GetDouble(1)));
    }

    private async Task<(string, TimeSpan?)> RedisAsync()
    {
        // INFO through IDatabase: IServer.InfoAsync would need the connection's admin mode, which the Api must not have.
        var redis = services.GetRequiredService<IConnectionMultiplexer>();
        var text = (string?)await redis.GetDatabase().ExecuteAsync("INFO", "server") ?? "";
        var info = text.Split('\n', StringSplitOptions.TrimEntries)
            .Select(line => line.Split(':', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        var uptime = info.TryGetValue("uptime_in_seconds", out var seconds) ? TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)) : (TimeSpan?)null;
        return ($"Redis {info.GetValueOrDefault("redis_version", "?")}", uptime);
    }

    private async Task<(string, TimeSpan?)> RabbitMQAsync(CancellationToken cancellationToken)
    {
        var connection = await Task.Run(services.GetRequiredService<IConnection>, cancellationToken).WaitAsync(cancellationToken);
        var version = connection.ServerProperties?.TryGetValue("version", out var raw) == true && raw is byte[] bytes
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : "?";
        return ($"RabbitMQ {version}", null);
    }
}
