using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;
using TradingPlatform.Worker.Analytics;

namespace TradingPlatform.Worker.Tests;

/// <summary>The shared health tests, for the Worker with the servers it depends on and its analytics schema.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class HealthTests(InfrastructureFixture infrastructure)
    : ServiceHealthTests<Program>(infrastructure, "tradingdb", "cache", "messaging")
{
    /// <summary>The analytics-migrations check (a start-up state, not a dependency) is Unhealthy until the Worker has applied them.</summary>
    protected override Task WhenStartedAsync(ServiceFactory<Program> factory) =>
        factory.Services.GetRequiredService<SchemaStatus<AnalyticsDbContext>>().Completion.WaitAsync(TimeSpan.FromSeconds(60));
}
