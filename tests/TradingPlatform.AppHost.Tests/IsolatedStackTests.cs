using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingPlatform.Hosting.Orchestration;

namespace TradingPlatform.AppHost.Tests;

/// <summary>Stacks of their own: external servers, and the order of shutdown.</summary>
[Collection(AppHostCollection.Name)]
public sealed class IsolatedStackTests(AppHostFixture fixture)
{
    [Fact]
    public async Task An_external_connection_string_starts_no_server_of_that_kind()
    {
        // The shared stack's Redis plays the external server.
        var externalCache = await fixture.App.GetConnectionStringAsync("cache");
        await using var app = await AppHostFixture.StartAsync($"--ConnectionStrings:cache={externalCache}");
        var dataPath = app.Services.GetExecutionContextDataPath();

        var cache = app.ResourceNotifications.Get("cache")!;
        Assert.True(cache.IsExternal);
        Assert.Null(cache.ProcessId);
        Assert.Equal(HealthStatus.Healthy, cache.Health);
        Assert.False(Directory.Exists(Path.Combine(dataPath, "cache")), "no folder may be made for an external server");
        Assert.Empty(app.ResourceLogs.GetLines("cache"));
        Assert.NotNull(app.ResourceNotifications.Get("postgres")!.ProcessId);

        using var client = app.CreateHttpClient("api");
        var (status, report) = await client.GetReportAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal("Healthy", Assert.Single(report.Checks, c => c.Name == "cache").Status);
    }

    [Fact]
    public async Task Stopping_stops_every_service_before_any_server()
    {
        var app = await AppHostFixture.StartAsync();
        var events = new List<(string Name, ResourceState State)>();
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            try
            {
                await foreach (var snapshot in app.ResourceNotifications.WatchAsync(watching.Token))
                {
                    lock (events)
                    {
                        events.Add((snapshot.Name, snapshot.State));
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        await app.DisposeAsync();
        await watching.CancelAsync();
        await watcher;

        string[] services = ["api", "ai", "worker"];
        string[] servers = ["postgres", "cache", "messaging"];
        var lastServiceExit = services.Max(s => events.FindLastIndex(e => e.Name == s && e.State == ResourceState.Exited));
        var firstServerStop = servers.Min(s => events.FindIndex(e => e.Name == s && e.State == ResourceState.Stopping));
        Assert.True(lastServiceExit >= 0 && firstServerStop >= 0, string.Join(", ", events));
        Assert.True(lastServiceExit < firstServerStop, $"a server stopped before every service had exited: {string.Join(", ", events)}");
    }
}
