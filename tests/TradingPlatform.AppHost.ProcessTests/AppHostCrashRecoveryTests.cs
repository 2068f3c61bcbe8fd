using System.Diagnostics;
using Npgsql;
using Xunit.Abstractions;

namespace TradingPlatform.AppHost.ProcessTests;

/// <summary>
/// SIGKILL to the AppHost (no chance to stop anything): DCP, which watches the AppHost's pid, and the services, which
/// watch it too (ServiceDefaults' AppHostWatcher), end every process of the run within 15 s. The next start on the same
/// data folder comes up healthy with the first run's data: a row written into tradingdb and a trader who signed up.
/// </summary>
public sealed class AppHostCrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan GoneTimeout = TimeSpan.FromSeconds(15);
    private readonly string _dataPath = TestFolders.Create();
    private readonly List<AppHostProcess> _hosts = [];

    [Fact]
    public async Task After_SIGKILL_nothing_of_the_stack_is_left_and_the_next_start_has_the_data_and_the_trader()
    {
        var value = $"kept-{Guid.NewGuid():N}";
        var (email, password) = TradingApi.NewTrader();

        // First run, durable (fsync on: durability is what this checks).
        var first = Start();
        var urls = await first.WaitForServicesAsync(StartTimeout);
        await ExecuteAsync(first, "CREATE TABLE IF NOT EXISTS public.process_test_kept (value text NOT NULL)");
        await ExecuteAsync(first, "INSERT INTO public.process_test_kept (value) VALUES (@value)", value);
        using (var api = new TradingApi(urls["api"]))
        {
            await api.RegisterAsync(email, password);
        }

        StackAssertions.EveryPartIsFound(first);
        var sinceKill = Stopwatch.StartNew();
        first.Signal("KILL");
        Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(5)), "SIGKILL did not end the AppHost");
        var allGone = await StackAssertions.NothingIsLeftAsync(first, sinceKill, GoneTimeout, "SIGKILL to the AppHost");
        output.WriteLine($"SIGKILL: the last process of the run went after {allGone.TotalSeconds:0.0} s");

        // Second run on the same folder: same generated passwords (parameters.json), same cluster, same data.
        var second = Start();
        urls = await second.WaitForServicesAsync(StartTimeout);
        Assert.Equal(value, await QueryAsync(second, "SELECT value FROM public.process_test_kept WHERE value = @value", value));
        using (var api = new TradingApi(urls["api"]))
        {
            Assert.False(string.IsNullOrEmpty(await api.LoginAsync(email, password)));
        }

        var sinceTerm = Stopwatch.StartNew();
        second.Signal("TERM");
        allGone = await StackAssertions.NothingIsLeftAsync(second, sinceTerm, GoneTimeout, "SIGTERM to the second AppHost");
        output.WriteLine($"SIGTERM to the second run: the last process went after {allGone.TotalSeconds:0.0} s");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        TestFolders.Delete(_dataPath);
    }

    private AppHostProcess Start()
    {
        var host = AppHostProcess.Start(_dataPath, durableData: true);
        _hosts.Add(host);
        return host;
    }

    private static async Task ExecuteAsync(AppHostProcess host, string sql, string? value = null)
    {
        await using var connection = new NpgsqlConnection(TradingDbConnectionString(host));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (value is not null)
        {
            command.Parameters.AddWithValue("value", value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> QueryAsync(AppHostProcess host, string sql, string value)
    {
        await using var connection = new NpgsqlConnection(TradingDbConnectionString(host));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("value", value);
        return (string?)await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// The connection string the api itself was given (<c>ConnectionStrings__tradingdb</c> in its environment, which
    /// Aspire builds from the server's allocated port and the generated password): no second source of truth.
    /// </summary>
    private static string TradingDbConnectionString(AppHostProcess host)
    {
        var api = host.Processes().First(p => p.Kind == "api");
        const string Name = "ConnectionStrings__tradingdb=";
        var variable = File.ReadAllText($"/proc/{api.Pid}/environ").Split('\0').SingleOrDefault(v => v.StartsWith(Name, StringComparison.Ordinal));
        Assert.True(variable is not null, $"The api ({api}) has no {Name[..^1]} in its environment.");
        return variable[Name.Length..];
    }
}
