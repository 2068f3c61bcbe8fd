using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradingPlatform.AppHost.Tests;

/// <summary>
/// The AppHost's own resource graph through Aspire.Hosting.Testing, started once per collection: local servers, ports
/// allocated by DCP, a temporary data folder removed on dispose.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);
    public static readonly string[] AllResources = ["postgres", "tradingdb", "cache", "messaging", "messaging-epmd", "ai", "worker", "api"];

    private DistributedApplication? _app;
    private string? _dataPath;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The stack has not started.");

    public async Task InitializeAsync()
    {
        _dataPath = TestDataFolders.Create();
        var builder = await CreateBuilderAsync(_dataPath);
        _app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(timeout.Token);
        foreach (var resource in AllResources)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_dataPath is not null)
        {
            TestDataFolders.Delete(_dataPath);
        }
    }

    /// <summary>The AppHost's Program up to Build(), with a data folder of the caller's and local servers.</summary>
    public static Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(string dataPath, params string[] args) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.TradingPlatform_AppHost>(
            [$"--AppHost:DataPath={dataPath}", "--AppHost:DurableData=false", "--AppHost:Infrastructure=local", .. args]);

    /// <summary>Waits for a snapshot of <paramref name="resource"/> that satisfies <paramref name="predicate"/>.</summary>
    public async Task<CustomResourceSnapshot> WaitForAsync(string resource, Func<CustomResourceSnapshot, bool> predicate, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var update = await App.ResourceNotifications.WaitForResourceAsync(resource, e => predicate(e.Snapshot), cancellation.Token);
        return update.Snapshot;
    }

    public static bool IsHealthyAndRunning(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == HealthStatus.Healthy;
}
