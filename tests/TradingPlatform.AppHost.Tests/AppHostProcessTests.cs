using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using TradingPlatform.Testing;

namespace TradingPlatform.AppHost.Tests;

/// <summary>
/// The AppHost as a real process: killed with SIGKILL its services exit by themselves and the next start recovers
/// the servers with the data intact; SIGINT stops everything. (Not in the shared collection: it runs its own stacks.)
/// </summary>
public sealed class AppHostProcessTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    private readonly string _dataPath;

    public AppHostProcessTests()
    {
        _dataPath = Directory.CreateTempSubdirectory("tp-apphost-").FullName;
        File.SetUnixFileMode(_dataPath, (UnixFileMode)Convert.ToInt32("755", 8));
    }

    [Fact]
    public async Task After_SIGKILL_services_exit_and_the_next_start_recovers_with_the_data_intact_and_SIGINT_stops_everything()
    {
        await using (var first = AppHostProcess.Start(_dataPath))
        {
            await first.WaitForServicesAsync(StartTimeout);
            await ExecuteAsync("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('survives')");
            Assert.NotEmpty(ProcFs.ChildrenOf(first.Id));

            first.Process.Kill(); // SIGKILL: no chance to stop anything
            await ProcFs.WaitUntilAsync(() => ProcFs.ChildrenOf(first.Id).Count == 0, TimeSpan.FromSeconds(10),
                "every service noticed its AppHost is gone and exited");
        }

        await using var second = AppHostProcess.Start(_dataPath);
        var urls = await second.WaitForServicesAsync(StartTimeout);
        Assert.Equal("survives", await QueryAsync("SELECT value FROM kept"));
        using (var http = new HttpClient())
        {
            using var health = await http.GetAsync(new Uri(urls["api"], "/health"));
            Assert.True(health.IsSuccessStatusCode, await health.Content.ReadAsStringAsync());
        }

        Assert.NotEmpty(ProcFs.UsingFolder(_dataPath));
        var stopwatch = Stopwatch.StartNew();
        SendSignal(second.Id, "INT");
        try
        {
            await second.Process.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The AppHost did not stop within {StopTimeout.TotalSeconds} s of SIGINT. Its output:\n" + second.Output);
        }

        Assert.True(stopwatch.Elapsed < StopTimeout);
        Assert.Empty(ProcFs.ChildrenOf(second.Id));
        var left = ProcFs.UsingFolder(_dataPath);
        Assert.True(left.Count == 0, "left running: " + string.Join("; ", left.Select(ProcFs.CommandLine)) + "\n" + second.Output);
        Assert.Equal(0, second.Process.ExitCode);
    }

    public void Dispose()
    {
        foreach (var pid in ProcFs.UsingFolder(_dataPath))
        {
            SendSignal(pid, "KILL");
        }

        Directory.Delete(_dataPath, recursive: true);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The running cluster's port from its command line, the password from the AppHost's parameters file.</summary>
    private string ConnectionString()
    {
        var cluster = Path.Combine(_dataPath, "postgres", "data");
        // A backend the postmaster has just forked still shows its command line until it renames itself: skip children.
        var matches = ProcFs.Find(pid => ProcFs.CommandLine(pid).Contains($"-D {cluster} ", StringComparison.Ordinal));
        var postmaster = matches.Single(pid => !matches.Contains(ProcFs.ParentOf(pid)));
        var arguments = ProcFs.CommandLine(postmaster).Split(' ');
        var port = int.Parse(arguments[Array.IndexOf(arguments, "-p") + 1], CultureInfo.InvariantCulture);
        var parameters = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(_dataPath, "parameters.json")))!;
        return $"Host=127.0.0.1;Port={port};Username=postgres;Password={parameters["postgres-password"]};Database=tradingdb";
    }

    private static void SendSignal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
