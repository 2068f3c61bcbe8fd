using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Sentiment;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests;

/// <summary>The shared health tests, for the AiService with the servers it depends on and its ai schema.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class HealthTests(InfrastructureFixture infrastructure)
    : ServiceHealthTests<Program>(infrastructure, "tradingdb", "cache", "messaging")
{
    /// <summary>The ai-migrations check (a start-up state, not a dependency) is Unhealthy until the AiService has applied them.</summary>
    protected override async Task WhenStartedAsync(ServiceFactory<Program> factory)
    {
        await WhenSettledAsync(factory);
        await factory.Services.GetRequiredService<SchemaStatus<AiDbContext>>().Completion.WaitAsync(TimeSpan.FromSeconds(60));
        // The first index embeds every passage on both cores: wait for it as for the sentiment head (a probe during it could time out).
        await factory.Services.GetRequiredService<TradingPlatform.AiService.Knowledge.KnowledgeBase>().Ready.WaitAsync(TimeSpan.FromMinutes(4));
    }

    /// <summary>The sentiment head trains at start on both cores; a probe during it was seen to time out (5 s) in a run.</summary>
    protected override Task WhenSettledAsync(ServiceFactory<Program> factory) =>
        factory.Services.GetRequiredService<ISentimentModel>().DescribeAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120));
}
