using Aspire.Hosting;
using Aspire.Hosting.Testing;
using TradingPlatform.Testing;

namespace TradingPlatform.Hosting.LocalServers.Tests;

/// <summary>The TestServers AppHost on a data folder of the test's own, for tests that start, break or restart servers.</summary>
internal static class TestServersApp
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    /// <summary>Durable data on (as in run mode): these tests restart servers and expect their data back.</summary>
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync(string dataPath, params string[] extraArgs) =>
        Testing.TestServers.CreateBuilderAsync(dataPath, ["--AppHost:DurableData=true", .. extraArgs]);

    public static async Task<DistributedApplication> StartAsync(string dataPath, params string[] extraArgs)
    {
        var builder = await CreateAsync(dataPath, extraArgs);
        var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await app.StartAsync(timeout.Token);
        foreach (var name in new[] { "tradingdb", "cache", "messaging" })
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
        }

        return app;
    }

    /// <summary>Waits until no process runs in <paramref name="dataPath"/> (DCP stops servers asynchronously).</summary>
    public static Task WaitUntilNothingRunsInAsync(string dataPath) =>
        Poll.UntilAsync(() => ProcFs.UsingFolder(dataPath).Count == 0, TimeSpan.FromSeconds(30), $"no process runs in {dataPath}");
}
