using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Knowledge;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.Knowledge;

/// <summary>
/// With <c>Llm:EmbeddingModel</c> configured, passages and queries are embedded on the endpoint (a local stub) and every
/// call is metered. The sources: two sections with text (the top heading has none, so it is no passage) and one query.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class EndpointEmbeddingTests(InfrastructureFixture infrastructure) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("knowledge-endpoint-").FullName;

    [Fact]
    public async Task Passages_are_embedded_on_the_configured_endpoint_and_each_call_reaches_the_cost_statistics()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "guide.md"), "# Guide\n\n## Margin\n\nMargin is notional divided by leverage.\n\n## Funding\n\nFutures pay funding at midnight.\n");
        await using var stub = await EmbeddingEndpointStub.StartAsync();
        var model = $"stub-embed-{Guid.NewGuid():N}"[..24];
        // Its own database: replacing the stored sources in the shared one would make the next AiService re-embed the shipped ones.
        await using var database = await TestDatabase.CreateAsync(infrastructure, "knowledge_endpoint");
        await using var factory = new ServiceFactory<Program>(database.Configuration.Concat(
        [
            new("Knowledge:SourceDirectory", _folder), new("Llm:Endpoint", stub.Endpoint), new("Llm:ChatModel", "stub-chat"),
            new("Llm:EmbeddingModel", model), new("Llm:ApiKey", "test-key"),
        ]));
        await factory.Services.GetRequiredService<KnowledgeBase>().Ready.WaitAsync(TimeSpan.FromMinutes(4));
        var search = factory.Services.GetRequiredService<IKnowledgeSearch>();
        var embedder = factory.Services.GetRequiredService<IKnowledgeEmbedder>();

        var hits = await search.SearchAsync("Margin notional leverage", 3, CancellationToken.None);
        await factory.Services.GetRequiredService<AiCallMeter>().FlushAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        var stored = await db.KnowledgePassages.AsNoTracking().Where(p => p.Path == "guide.md").ToListAsync();
        var calls = await db.AiCallRecords.AsNoTracking().Where(r => r.Feature == AiFeatures.Embedding && r.Model == model).ToListAsync();

        Assert.Equal($"openai:{model}", embedder.Model);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, p => Assert.Equal(EmbeddingEndpointStub.Dimensions, p.Embedding.Length));
        Assert.All(stored, p => Assert.Equal(embedder.Model, p.EmbeddingModel));
        Assert.Equal("margin", hits[0].Passage.Anchor);
        Assert.True(stub.Requests >= 2, $"{stub.Requests} requests");
        Assert.Equal(stub.Requests, calls.Count);
        Assert.All(calls, c => Assert.True(c.InputUnits > 0, "no tokens recorded"));
        Assert.Equal(3, stub.Inputs);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
