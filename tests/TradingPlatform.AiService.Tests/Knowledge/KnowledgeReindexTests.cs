using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Knowledge;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.Knowledge;

/// <summary>Re-indexing from a source folder of the test's own: a changed source is replaced, an unchanged one is not touched, a removed one is deleted.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class KnowledgeReindexTests(InfrastructureFixture infrastructure) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("knowledge-").FullName;

    [Fact]
    public async Task A_changed_source_is_re_indexed_an_unchanged_one_is_not_and_a_removed_one_is_deleted()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "stable.md"), "# Stable\n\nThe margin call happens when equity falls below maintenance.\n");
        Directory.CreateDirectory(Path.Combine(_folder, "docs"));
        var changing = Path.Combine(_folder, "docs", "changing.md");
        await File.WriteAllTextAsync(changing, "# Changing\n\n## Old section\n\nAquamarine pelicans trade on Tuesdays.\n");
        await File.WriteAllTextAsync(Path.Combine(_folder, "gone.md"), "# Gone\n\nThis file will be removed.\n");
        // Its own database: replacing the stored sources in the shared one would make the next AiService re-embed the shipped ones.
        await using var database = await TestDatabase.CreateAsync(infrastructure, "knowledge_reindex");
        await using var factory = new ServiceFactory<Program>(database.Configuration.Append(new("Knowledge:SourceDirectory", _folder)));
        var knowledge = factory.Services.GetRequiredService<KnowledgeBase>();
        await knowledge.Ready.WaitAsync(TimeSpan.FromMinutes(4));
        var indexer = factory.Services.GetRequiredService<KnowledgeIndexer>();
        var search = factory.Services.GetRequiredService<IKnowledgeSearch>();
        // The first pass may have been the hosted service's or, with the sources already stored, a no-op: make it settled.
        await indexer.IndexAsync(CancellationToken.None);
        var before = await SourcesAsync(factory);

        await File.WriteAllTextAsync(changing, "# Changing\n\n## New section\n\nVermilion otters hedge their futures with options.\n");
        File.Delete(Path.Combine(_folder, "gone.md"));
        var report = await indexer.IndexAsync(CancellationToken.None);
        var after = await SourcesAsync(factory);
        var unchangedAgain = await indexer.IndexAsync(CancellationToken.None);

        Assert.Equal(["docs/changing.md"], report.Indexed);
        Assert.Equal(["gone.md"], report.Removed);
        Assert.Equal(1, report.Unchanged);
        Assert.Equal(before["stable.md"].IndexedAt, after["stable.md"].IndexedAt);
        Assert.Equal(before["stable.md"].Sha256, after["stable.md"].Sha256);
        Assert.NotEqual(before["docs/changing.md"].Sha256, after["docs/changing.md"].Sha256);
        Assert.False(after.ContainsKey("gone.md"));
        Assert.Empty(unchangedAgain.Indexed);
        Assert.Equal(2, unchangedAgain.Unchanged);

        var passages = await search.PassagesAsync(CancellationToken.None);
        Assert.Contains(passages, p => p.Path == "docs/changing.md" && p.Anchor == "new-section" && p.Text.Contains("Vermilion otters", StringComparison.Ordinal));
        Assert.DoesNotContain(passages, p => p.Anchor == "old-section" || p.Path == "gone.md");
        var hits = await search.SearchAsync("Which otters hedge futures with options?", 3, CancellationToken.None);
        Assert.Equal("new-section", hits[0].Passage.Anchor);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        Assert.Equal(0, await db.KnowledgePassages.CountAsync(p => p.Path == "gone.md" || p.Anchor == "old-section"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<Dictionary<string, KnowledgeSource>> SourcesAsync(ServiceFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        return await db.KnowledgeSources.AsNoTracking().ToDictionaryAsync(s => s.Path);
    }
}
