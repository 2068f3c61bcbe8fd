using Npgsql;
using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Health;

namespace TradingPlatform.Hosting.Orchestration;

/// <summary>Creates the database once its server is healthy (if it does not exist yet), then watches it.</summary>
internal sealed class PostgresDatabaseController(PostgresDatabaseResource database, OrchestrationContext context)
    : ResourceController(database, context)
{
    public override string ResourceType => "PostgresDatabase";

    public override string CommandsNotSupportedReason =>
        $"{Resource.Name} is a database inside {database.Server.Name}, not a process: restart {database.Server.Name} instead";

    public override ResourceSnapshot CreateInitialSnapshot() =>
        base.CreateInitialSnapshot() with { Source = $"{database.Server.Name}/{database.DatabaseName}" };

    public override async Task RunAsync(CancellationToken stoppingToken)
    {
        Publish(s => s with { State = ResourceState.Waiting, HealthReason = $"waiting for {database.Server.Name}" });
        try
        {
            var server = await Context.Notifications.WaitForResourceAsync(
                database.Server.Name, s => s.IsHealthy || s.IsTerminal, stoppingToken);
            if (!server.IsHealthy)
            {
                Publish(s => s with { State = ResourceState.FailedToStart, HealthReason = $"{database.Server.Name} failed to start" });
                return;
            }

            Publish(s => s with { State = ResourceState.Starting, HealthReason = null });
            await CreateIfMissingAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            Publish(s => s with { State = ResourceState.Exited });
            return;
        }
        catch (NpgsqlException ex)
        {
            Publish(s => s with { State = ResourceState.FailedToStart, HealthReason = ex.Message });
            Context.ReportFatal($"{database.Name}: cannot create database {database.DatabaseName}: {ex.Message}");
            return;
        }

        await using var probe = new PostgresProbe((await database.GetConnectionStringAsync(stoppingToken))!);
        Publish(s => s with { State = ResourceState.Running, StartedAt = Context.TimeProvider.GetUtcNow() });
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ProbeAsync(probe, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await PauseAsync(Context.Notifications.Get(database.Name)?.IsHealthy == true ? SteadyProbeInterval : StartupProbeInterval, stoppingToken);
        }

        Publish(s => s with { State = ResourceState.Exited });
    }

    private async Task CreateIfMissingAsync(CancellationToken cancellationToken)
    {
        var serverConnectionString = await database.Server.GetConnectionStringAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database.DatabaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        // Identifiers cannot be parameters; the name is quoted and its quotes doubled.
        var quoted = "\"" + database.DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        Context.Log($"{database.Name}: created database {database.DatabaseName}");
    }
}
