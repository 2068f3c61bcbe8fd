using Aspire.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TradingPlatform.Hosting.LocalServers.Processes;

namespace TradingPlatform.Hosting.LocalServers.Postgres;

/// <summary>The init step of a local PostgreSQL server: recover from an earlier run, create the cluster once, create databases.</summary>
internal static class PostgresCluster
{
    /// <summary>
    /// Runs before every start (the first and each restart): stops a postmaster an earlier run left behind, removes its
    /// stale pid file, and runs initdb when the cluster does not exist yet.
    /// </summary>
    public static async Task PrepareAsync(LocalPostgresServerResource server, string initdb, ILogger log, CancellationToken cancellationToken)
    {
        await StaleProcess.StopLeftoversAsync(server.WorkingDirectory, Signals.SigInt, TimeSpan.FromSeconds(10), log);

        if (StaleProcess.RemoveStalePidFile(Path.Combine(server.ClusterDirectory, "postmaster.pid")))
        {
            log.LogWarning("removed the stale postmaster.pid of an earlier run");
        }

        if (!File.Exists(Path.Combine(server.ClusterDirectory, "PG_VERSION")))
        {
            await InitializeAsync(server, initdb, log, cancellationToken);
        }
    }

    /// <summary>Creates each declared database that does not exist yet (PostgreSQL has no CREATE DATABASE IF NOT EXISTS).</summary>
    public static async Task CreateDatabasesAsync(LocalPostgresServerResource server, ILogger log, CancellationToken cancellationToken)
    {
        var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var database in server.Databases.Select(d => d.DatabaseName))
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                continue;
            }

            // An identifier cannot be a parameter; the name is quoted as one.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            log.LogInformation("created database {Database}", database);
        }
    }

    /// <summary>initdb into a scratch folder renamed on success, so a killed initdb never leaves a half-made cluster.</summary>
    private static async Task InitializeAsync(LocalPostgresServerResource server, string initdb, ILogger log, CancellationToken cancellationToken)
    {
        var scratch = server.ClusterDirectory + ".init";
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        var passwordFile = Path.Combine(server.WorkingDirectory, ".pwfile");
        await File.WriteAllTextAsync(passwordFile, await server.PasswordParameter.GetValueAsync(cancellationToken), cancellationToken);
        FilePermissions.RestrictToOwner(passwordFile);
        try
        {
            if (await DataFolder.PrepareAsync(server.WorkingDirectory, LocalPostgresBuilderExtensions.SystemUser, cancellationToken) is { } problem)
            {
                throw new DistributedApplicationException($"{server.Name}: {problem}");
            }

            log.LogInformation("creating the cluster in {Directory} (initdb)", server.ClusterDirectory);
            var exitCode = await ProcessRunner.RunAsync(
                ServerCommand.For(initdb, LocalPostgresBuilderExtensions.SystemUser),
                ["-D", scratch, "-U", LocalPostgresServerResource.UserName, $"--pwfile={passwordFile}",
                 "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions"],
                server.WorkingDirectory, log, cancellationToken);
            if (exitCode != 0)
            {
                throw new DistributedApplicationException(
                    $"{server.Name}: initdb failed with exit code {exitCode}; see its output above, or delete {server.WorkingDirectory} to start over");
            }

            Directory.Move(scratch, server.ClusterDirectory);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }
}
