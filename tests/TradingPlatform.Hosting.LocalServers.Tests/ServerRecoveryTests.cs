using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Npgsql;
using StackExchange.Redis;
using TradingPlatform.Testing;

namespace TradingPlatform.Hosting.LocalServers.Tests;

/// <summary>Local servers keep their data and their connection strings through crashes and AppHost restarts.</summary>
public sealed class ServerRecoveryTests : IDisposable
{
    private readonly string _dataPath = TestDataFolders.Create();

    [Fact]
    public async Task A_postgres_killed_hard_is_restarted_on_the_same_port_with_its_data()
    {
        await using var app = await TestServersApp.StartAsync(_dataPath);
        var connectionString = await app.GetConnectionStringAsync("tradingdb");
        await ExecuteAsync(connectionString!, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");

        await ServerProcess.KillAsync(app, "postgres");
        await ServerProcess.WaitUntilRestartedAsync(app, "postgres");
        // The pooled connection of the first query died with the server; a client's next query gets a fresh one.
        NpgsqlConnection.ClearAllPools();

        Assert.Equal(connectionString, await app.GetConnectionStringAsync("tradingdb"));
        Assert.Equal(42, await ScalarAsync(connectionString!, "SELECT v FROM kept"));
    }

    [Fact]
    public async Task Data_and_passwords_survive_an_AppHost_restart_and_nothing_is_left_running_after_it_stops()
    {
        string tradingDb;
        await using (var first = await TestServersApp.StartAsync(_dataPath))
        {
            tradingDb = (await first.GetConnectionStringAsync("tradingdb"))!;
            await ExecuteAsync(tradingDb, "CREATE TABLE accounts (owner text); INSERT INTO accounts VALUES ('alice')");
            await using var redis = await ConnectionMultiplexer.ConnectAsync((await first.GetConnectionStringAsync("cache"))!);
            await redis.GetDatabase().StringSetAsync("kept", "yes");
        }

        await TestServersApp.WaitUntilNothingRunsInAsync(_dataPath);

        await using var second = await TestServersApp.StartAsync(_dataPath);
        var again = (await second.GetConnectionStringAsync("tradingdb"))!;
        Assert.Equal(new NpgsqlConnectionStringBuilder(tradingDb).Password, new NpgsqlConnectionStringBuilder(again).Password);
        Assert.Equal("alice", await ScalarAsync(again, "SELECT owner FROM accounts"));
        await using var cache = await ConnectionMultiplexer.ConnectAsync((await second.GetConnectionStringAsync("cache"))!);
        Assert.Equal("yes", (string?)await cache.GetDatabase().StringGetAsync("kept"));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public void Dispose() => TestDataFolders.Delete(_dataPath);
}
