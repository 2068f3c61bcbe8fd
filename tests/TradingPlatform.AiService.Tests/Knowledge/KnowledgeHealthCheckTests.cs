using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingPlatform.AiService.Knowledge;

namespace TradingPlatform.AiService.Tests.Knowledge;

/// <summary>The first index never holds the service's health back (the Api waits for it); a failed one shows as Degraded.</summary>
public sealed class KnowledgeHealthCheckTests
{
    [Fact]
    public async Task Indexing_is_healthy_and_says_so_a_failure_is_degraded_and_a_published_index_is_healthy_again()
    {
        using var knowledge = new KnowledgeBase();
        var check = new KnowledgeHealthCheck(knowledge);
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("knowledge", check, null, null) };

        var indexing = await check.CheckHealthAsync(context);
        knowledge.MarkFailed("connection refused");
        var failed = await check.CheckHealthAsync(context);
        knowledge.Publish(KnowledgeIndex.Empty);
        var ready = await check.CheckHealthAsync(context);

        Assert.Equal(HealthStatus.Healthy, indexing.Status);
        Assert.Contains("first index is running", indexing.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Degraded, failed.Status);
        Assert.Contains("connection refused", failed.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, ready.Status);
        Assert.Equal("The knowledge base is indexed.", ready.Description);
    }
}
