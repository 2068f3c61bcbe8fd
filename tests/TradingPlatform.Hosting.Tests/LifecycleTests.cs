using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using StackExchange.Redis;
using TradingPlatform.Hosting.Orchestration;
using TradingPlatform.Hosting.Processes;
using TradingPlatform.Hosting.Testing;
using TradingPlatform.Testing;

namespace TradingPlatform.Hosting.Tests;

/// <summary>Starting, failing, crashing, stopping and restarting real server processes.</summary>
public sealed class LifecycleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_fixed_port_in_use_stops_the_start_with_one_clear_line_and_starts_nothing()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var builder = DistributedApplicationTestingBuilder.Create(o => o.RandomizePorts = false);
        builder.AddRedis("cache", port: port);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.StartsWith($"cache: port {port} is already in use", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(ResourceState.FailedToStart, app.ResourceNotifications.Get("cache")!.State);
        Assert.Empty(ProcFs.FindByCommandLine($"127.0.0.1:{port}"));
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_written_is_reported_with_the_fix()
    {
        var builder = DistributedApplicationTestingBuilder.Create(o => o.DataPath = "/proc/tradingplatform-not-writable");
        builder.AddRedis("cache");
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.Contains("cache: data folder /proc/tradingplatform-not-writable/cache is not writable", error.Message, StringComparison.Ordinal);
        Assert.Contains("set AppHost:DataPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_exits_before_it_is_ready_fails_with_its_last_output_and_leaves_no_process()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddPostgres("postgres");
        await using var app = builder.Build();
        // A damaged cluster folder (its configuration is gone): the server refuses it and exits.
        var cluster = Path.Combine(app.Services.GetExecutionContext().DataPath, "postgres", "data");
        Directory.CreateDirectory(cluster);
        await File.WriteAllTextAsync(Path.Combine(cluster, "PG_VERSION"), "15\n");

        await app.StartAsync();
        var error = await Assert.ThrowsAsync<DistributedApplicationException>(
            () => app.ResourceNotifications.WaitForResourceHealthyAsync("postgres").WaitAsync(Timeout));

        Assert.Contains("postgres: Postgres server exited with code", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains("its last output: postgres: could not access the server configuration file", StringComparison.Ordinal), error.Message);
        Assert.Equal(ResourceState.FailedToStart, app.ResourceNotifications.Get("postgres")!.State);
        Assert.Empty(ProcFs.FindByCommandLine(cluster));
    }

    [Fact]
    public async Task Waiting_for_a_resource_may_begin_before_the_application_starts()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRedis("cache");
        await using var app = builder.Build();

        var waiting = app.ResourceNotifications.WaitForResourceHealthyAsync("cache");
        Assert.False(waiting.IsCompleted);
        await app.StartAsync();

        var snapshot = await waiting.WaitAsync(Timeout);
        Assert.Equal(ResourceState.Running, snapshot.State);
    }

    [Fact]
    public async Task A_crashed_server_is_restarted_with_back_off_and_becomes_healthy_again()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRedis("cache");
        await using var app = builder.Build();
        await app.StartAsync();
        var first = await app.ResourceNotifications.WaitForResourceHealthyAsync("cache").WaitAsync(Timeout);

        Signals.Send(first.ProcessId!.Value, Signals.SigKill);

        var exited = await app.ResourceNotifications.WaitForResourceAsync("cache", s => s.State == ResourceState.Exited).WaitAsync(Timeout);
        Assert.True(exited.WillRestart);
        var again = await app.ResourceNotifications
            .WaitForResourceAsync("cache", s => s.IsHealthy && s.Restarts == 1).WaitAsync(Timeout);
        Assert.NotEqual(first.ProcessId, again.ProcessId);
        Assert.Contains(app.ResourceLogs.GetLines("apphost"), l => l.Contains("cache exited unexpectedly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stopping_leaves_no_server_process_and_no_data_folder()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddPostgres("postgres").AddDatabase("tradingdb");
        builder.AddRedis("cache");
        builder.AddRabbitMQ("messaging");
        var app = builder.Build();
        var dataPath = app.Services.GetExecutionContext().DataPath;
        await app.StartAsync();
        foreach (var name in new[] { "tradingdb", "cache", "messaging" })
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(name).WaitAsync(Timeout);
        }

        Assert.NotEmpty(ProcFs.FindByCommandLine(dataPath));
        var stopwatch = Stopwatch.StartNew();
        await app.DisposeAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"stopping took {stopwatch.Elapsed}");
        Assert.Empty(ProcFs.FindByCommandLine(dataPath));
        Assert.False(Directory.Exists(dataPath));
        Assert.All(app.ResourceNotifications.Snapshots, s => Assert.Equal(ResourceState.Exited, s.State));
    }

    [Fact]
    public async Task Data_survives_a_restart_and_leftovers_of_a_killed_apphost_are_recovered()
    {
        var dataPath = Directory.CreateTempSubdirectory("tp-durable-").FullName;
        File.SetUnixFileMode(dataPath, (UnixFileMode)Convert.ToInt32("755", 8));
        Process? leftover = null;
        try
        {
            await using (var first = BuildDurable(dataPath))
            {
                await first.StartAsync();
                await first.ResourceNotifications.WaitForResourceHealthyAsync("tradingdb").WaitAsync(Timeout);
                await first.ResourceNotifications.WaitForResourceHealthyAsync("cache").WaitAsync(Timeout);
                await ExecuteAsync(first, "CREATE TABLE accounts (name text); INSERT INTO accounts VALUES ('alice')");
                await using var redis = await ConnectionMultiplexer.ConnectAsync((await first.GetConnectionStringAsync("cache"))!);
                await redis.GetDatabase().StringSetAsync("session", "kept");
            }

            // What a SIGKILLed AppHost leaves: a server still running in the data folder, and a pid file naming a live
            // process that is not PostgreSQL (pids are recycled).
            leftover = Process.Start(new ProcessStartInfo("redis-server", [Path.Combine(dataPath, "cache", "redis.conf")])
            {
                RedirectStandardOutput = true,
                WorkingDirectory = Path.Combine(dataPath, "cache"),
            })!;
            await ProcFs.WaitUntilAsync(() => File.Exists(Path.Combine(dataPath, "cache", "redis.pid")), Timeout, "the leftover redis wrote its pid file");
            await File.WriteAllTextAsync(Path.Combine(dataPath, "postgres", "data", "postmaster.pid"), $"{Environment.ProcessId}\n{dataPath}\n");

            await using var second = BuildDurable(dataPath);
            await second.StartAsync();
            await second.ResourceNotifications.WaitForResourceHealthyAsync("tradingdb").WaitAsync(Timeout);
            await second.ResourceNotifications.WaitForResourceHealthyAsync("cache").WaitAsync(Timeout);

            Assert.True(leftover.HasExited, "the leftover redis-server must have been stopped");
            await using var connection = new NpgsqlConnection(await second.GetConnectionStringAsync("tradingdb"));
            await connection.OpenAsync();
            await using var query = new NpgsqlCommand("SELECT name FROM accounts", connection);
            Assert.Equal("alice", await query.ExecuteScalarAsync());
            await using var redisAgain = await ConnectionMultiplexer.ConnectAsync((await second.GetConnectionStringAsync("cache"))!);
            Assert.Equal("kept", (string?)await redisAgain.GetDatabase().StringGetAsync("session"));
        }
        finally
        {
            if (leftover is { HasExited: false })
            {
                leftover.Kill();
            }

            leftover?.Dispose();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static DistributedApplication BuildDurable(string dataPath)
    {
        var builder = DistributedApplicationTestingBuilder.Create(o =>
        {
            o.DataPath = dataPath;
            o.DurableData = true;
            o.PersistParameters = true;
        });
        builder.AddPostgres("postgres").AddDatabase("tradingdb");
        builder.AddRedis("cache");
        return builder.Build();
    }

    private static async Task ExecuteAsync(DistributedApplication app, string sql)
    {
        await using var connection = new NpgsqlConnection(await app.GetConnectionStringAsync("tradingdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
