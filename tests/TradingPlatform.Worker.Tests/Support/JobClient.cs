using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingPlatform.Jobs;
using TradingPlatform.Testing;

namespace TradingPlatform.Worker.Tests.Support;

/// <summary>
/// A Hangfire client of its own on the fixture's tradingdb, set up with <see cref="HangfireStorageExtensions.AddJobClient"/>
/// as the Api is: jobs it enqueues reach the Worker only through the storage.
/// </summary>
public sealed class JobClient : IAsyncDisposable
{
    private readonly IHost _host;

    private JobClient(IHost host) => _host = host;

    public IBackgroundJobClient Jobs => _host.Services.GetRequiredService<IBackgroundJobClient>();

    public JobStorage Storage => _host.Services.GetRequiredService<JobStorage>();

    public static async Task<JobClient> StartAsync(InfrastructureFixture infrastructure)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(infrastructure.Configuration);
        builder.AddJobClient();
        var host = builder.Build();
        await host.StartAsync();
        return new JobClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
