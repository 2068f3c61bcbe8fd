using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Knowledge;
using TradingPlatform.Testing;
using Xunit.Abstractions;

namespace TradingPlatform.AiService.Tests.Knowledge;

/// <summary>The shipped knowledge base on the real AiService: real PostgreSQL, real MiniLM, the shipped sources.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class KnowledgeSearchTests(InfrastructureFixture infrastructure, ITestOutputHelper output)
{
    private const double RecallTarget = 0.9;
    private static readonly TimeSpan IndexTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Recall_at_5_on_the_development_set_is_at_least_0_9()
    {
        await using var factory = new ServiceFactory<Program>(infrastructure.Configuration);
        var search = await ReadyAsync(factory);
        var options = factory.Services.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
        var dev = DevQuestions.Load();
        var rankings = await RetrievalEvaluation.RankAllAsync(search, dev.Questions.Select(q => q.Question));

        var recall = RetrievalEvaluation.RecallAt(5, dev.Questions, rankings, options);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall@5 = {recall:F3} on {dev.Questions.Count} questions (target {RecallTarget}); fusion {RetrievalEvaluation.Describe(options.Fusion)}"));
        for (var i = 0; i < dev.Questions.Count; i++)
        {
            var hits = rankings[i].Select(5, options.Fusion, options.MinQuerySimilarity, options.MinPassageSimilarity);
            if (!RetrievalEvaluation.Answers(dev.Questions[i], hits))
            {
                output.WriteLine($"missed: {dev.Questions[i].Question} -> {string.Join("; ", hits.Select(h => $"{h.Passage.Path}#{h.Passage.Anchor}"))}");
            }
        }

        Assert.True(recall >= RecallTarget, string.Create(CultureInfo.InvariantCulture, $"recall@5 {recall:F3} is below {RecallTarget}"));
    }

    [Fact]
    public async Task Every_expected_passage_of_the_development_set_exists_in_the_index()
    {
        await using var factory = new ServiceFactory<Program>(infrastructure.Configuration);
        var search = await ReadyAsync(factory);
        var passages = (await search.PassagesAsync(CancellationToken.None)).Select(p => (p.Path, p.Anchor)).ToHashSet();
        var dev = DevQuestions.Load();

        Assert.True(dev.Questions.Count >= 45, $"{dev.Questions.Count} questions");
        Assert.True(dev.OutOfDomain.Count >= 10, $"{dev.OutOfDomain.Count} out-of-domain questions");
        var missing = dev.Questions.SelectMany(q => q.Answers).Where(a => !passages.Contains((a.Path, a.Anchor))).Select(a => $"{a.Path}#{a.Anchor}").Distinct().ToArray();
        Assert.True(missing.Length == 0, "not in the index: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Out_of_domain_questions_find_nothing_and_platform_questions_find_their_section()
    {
        await using var factory = new ServiceFactory<Program>(infrastructure.Configuration);
        var search = await ReadyAsync(factory);
        var dev = DevQuestions.Load();

        foreach (var question in dev.OutOfDomain)
        {
            var hits = await search.SearchAsync(question, 5, CancellationToken.None);
            Assert.True(hits.Count == 0, $"'{question}' found {string.Join("; ", hits.Select(h => $"{h.Passage.Path}#{h.Passage.Anchor}"))}");
        }

        var found = await search.SearchAsync("What happens when one tick reaches both my stop-loss and my take-profit?", 5, CancellationToken.None);
        Assert.NotEmpty(found);
        Assert.True(found.Zip(found.Skip(1)).All(p => p.First.Score >= p.Second.Score), "hits are not best first");
        Assert.Empty(await search.SearchAsync("   ", 5, CancellationToken.None));
        Assert.Empty(await search.SearchAsync("stop-loss", 0, CancellationToken.None));
    }

    [Fact]
    public async Task The_passages_are_stored_in_PostgreSQL_with_their_embeddings_one_per_OpenAPI_operation()
    {
        await using var factory = new ServiceFactory<Program>(infrastructure.Configuration);
        var search = await ReadyAsync(factory);
        var passages = await search.PassagesAsync(CancellationToken.None);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        var embedder = factory.Services.GetRequiredService<IKnowledgeEmbedder>();

        var stored = await db.KnowledgePassages.AsNoTracking().OrderBy(p => p.Path).ThenBy(p => p.Ordinal).ToListAsync();
        var sources = await db.KnowledgeSources.AsNoTracking().ToListAsync();
        Assert.Equal(passages.Count, stored.Count);
        Assert.All(stored, p => Assert.Equal(384, p.Embedding.Length));
        Assert.All(stored, p => Assert.Equal(embedder.Model, p.EmbeddingModel));
        Assert.All(stored, p => Assert.InRange(Math.Sqrt(p.Embedding.Sum(v => (double)v * v)), 0.999, 1.001));
        Assert.Contains(sources, s => s.Path == "README.md" && s.Sha256.Length == 64);
        Assert.Contains(sources, s => s.Path == "docs/configuration.md");
        Assert.Equal(sources.Sum(s => s.Passages), stored.Count);

        var document = await File.ReadAllTextAsync(Path.Combine(DevQuestions.RepositoryRoot(), "docs", "openapi", "v1.json"));
        var operations = System.Text.Json.JsonDocument.Parse(document).RootElement.GetProperty("paths").EnumerateObject()
            .Sum(p => p.Value.EnumerateObject().Count(m => m.Name is "get" or "post" or "put" or "delete" or "patch"));
        var openApi = stored.Where(p => p.Path == "docs/openapi/v1.json").ToList();
        Assert.Equal(operations, openApi.Count);
        Assert.Equal(openApi.Count, openApi.Select(p => p.Anchor).Distinct().Count());
        Assert.Contains(openApi, p => p.Anchor == "CreateBacktest" && p.Heading.StartsWith("POST /api/backtests — ", StringComparison.Ordinal));
    }

    private static async Task<KnowledgeSearch> ReadyAsync(ServiceFactory<Program> factory)
    {
        _ = factory.Services;
        await factory.Services.GetRequiredService<KnowledgeBase>().Ready.WaitAsync(IndexTimeout);
        return factory.Services.GetRequiredService<KnowledgeSearch>();
    }
}
