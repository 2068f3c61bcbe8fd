using TradingPlatform.Hosting;
using TradingPlatform.Hosting.Testing;

namespace TradingPlatform.AppHost.Tests;

/// <summary>The AppHost's own resource graph, started once per collection on free ports in a temporary folder.</summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    public static readonly string[] AllResources = ["postgres", "tradingdb", "cache", "messaging", "ai", "worker", "api"];

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The stack has not started.");

    public async Task InitializeAsync()
    {
        _app = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Builds and starts the AppHost's model, waiting until every resource is healthy.</summary>
    public static async Task<DistributedApplication> StartAsync(params string[] args)
    {
        // With the dashboard, as `dotnet run` has it: the services export their telemetry to it (browser tests read it).
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TradingPlatform_AppHost>(args, o => o.DisableDashboard = false);
        var app = await builder.BuildAsync();
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            await app.StartAsync(timeout.Token);
            foreach (var resource in AllResources)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            }

            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
