using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Data;

namespace TradingPlatform.AiService.Knowledge;

/// <summary>
/// Brings the stored knowledge base in line with the shipped sources and loads it: a source whose content hash (or
/// embedding model) changed is split, embedded and replaced in one transaction of its own; a source no longer shipped
/// is deleted with its passages; an unchanged one is not touched. Replicas take turns under a PostgreSQL advisory lock,
/// so that two of them never embed and write the same source at once. Afterwards the in-memory snapshot is rebuilt
/// when the stored sources differ from the ones it was built from (this replica's change or another's).
/// </summary>
public sealed partial class KnowledgeIndexer(
    IServiceScopeFactory scopes, KnowledgeBase knowledge, IKnowledgeEmbedder embedder, IOptions<KnowledgeOptions> options,
    IHostEnvironment environment, TimeProvider time, ILogger<KnowledgeIndexer> logger) : IDisposable
{
    /// <summary>The advisory lock's key (any bigint that no other feature uses; "knowledg" in ASCII).</summary>
    internal const long LockKey = 0x6B6E6F776C656467;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The folder the sources are read from (<see cref="KnowledgeOptions.SourceDirectory"/>, resolved).</summary>
    public string SourceDirectory =>
        Path.IsPathRooted(options.Value.SourceDirectory)
            ? options.Value.SourceDirectory
            : Path.Combine(AppContext.BaseDirectory, options.Value.SourceDirectory);

    public async Task<KnowledgeIndexReport> IndexAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await IndexLockedAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<KnowledgeIndexReport> IndexLockedAsync(CancellationToken cancellationToken)
    {
        var files = KnowledgeSourceFile.ReadAll(SourceDirectory);
        if (files.Count == 0)
        {
            LogNoSources(logger, SourceDirectory, environment.ContentRootPath);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var indexed = new List<string>();
        var removed = new List<string>();
        var unchanged = 0;
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
            try
            {
                var stored = await db.KnowledgeSources.AsNoTracking().ToDictionaryAsync(s => s.Path, StringComparer.Ordinal, cancellationToken);
                foreach (var file in files)
                {
                    if (stored.TryGetValue(file.Path, out var source) && source.Sha256 == file.Sha256 && source.EmbeddingModel == embedder.Model)
                    {
                        unchanged++;
                        continue;
                    }

                    await ReplaceAsync(db, file, stored.ContainsKey(file.Path), cancellationToken);
                    indexed.Add(file.Path);
                }

                var shipped = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
                foreach (var path in stored.Keys.Where(p => !shipped.Contains(p)))
                {
                    await db.KnowledgeSources.Where(s => s.Path == path).ExecuteDeleteAsync(cancellationToken);
                    removed.Add(path);
                }
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }

            var passages = await LoadAsync(db, cancellationToken);
            if (indexed.Count + removed.Count > 0)
            {
                LogIndexed(logger, indexed.Count, removed.Count, unchanged, passages);
            }

            return new KnowledgeIndexReport(indexed, removed, unchanged, passages);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            knowledge.MarkFailed(exception.Message);
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Embeds the source (outside the transaction), then swaps its passages in one transaction.</summary>
    private async Task ReplaceAsync(AiDbContext db, KnowledgeSourceFile file, bool exists, CancellationToken cancellationToken)
    {
        var passages = file.Split(options.Value.MaxPassageChars);
        var vectors = passages.Count == 0
            ? []
            : await embedder.EmbedAsync(passages.Select(EmbeddingText).ToArray(), cancellationToken);
        // The retrying execution strategy replays the whole transaction on a transient failure, with a clean tracker.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            if (exists)
            {
                // Cascades to the passages (knowledge_passages' foreign key).
                await db.KnowledgeSources.Where(s => s.Path == file.Path).ExecuteDeleteAsync(ct);
            }

            db.KnowledgeSources.Add(new KnowledgeSource
            {
                Path = file.Path, Sha256 = file.Sha256, EmbeddingModel = embedder.Model, Passages = passages.Count, IndexedAt = time.GetUtcNow(),
            });
            db.KnowledgePassages.AddRange(passages.Select((p, i) => new KnowledgePassageRecord
            {
                Path = p.Path, Ordinal = i, Heading = p.Heading, Anchor = p.Anchor, Text = p.Text, Embedding = vectors[i], EmbeddingModel = embedder.Model,
            }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Rebuilds the snapshot when the stored sources differ from the current one's; the passage count either way.</summary>
    private async Task<int> LoadAsync(AiDbContext db, CancellationToken cancellationToken)
    {
        var sources = await db.KnowledgeSources.AsNoTracking().OrderBy(s => s.Path).ToListAsync(cancellationToken);
        var signature = string.Join('\n', sources.Select(s => $"{s.Path} {s.Sha256} {s.EmbeddingModel}"));
        var current = knowledge.Current;
        if (knowledge.IsReady && current.Signature == signature)
        {
            return current.Passages.Count;
        }

        var records = await db.KnowledgePassages.AsNoTracking()
            .Where(p => p.EmbeddingModel == embedder.Model)
            .OrderBy(p => p.Path).ThenBy(p => p.Ordinal)
            .ToListAsync(cancellationToken);
        knowledge.Publish(new KnowledgeIndex(records.Select(r => r.ToPassage()).ToArray(), records.Select(r => r.Embedding).ToArray(), signature));
        return records.Count;
    }

    /// <summary>What is embedded for a passage: its heading gives a short section its subject.</summary>
    internal static string EmbeddingText(KnowledgePassage passage) => $"{passage.Heading}\n{passage.Text}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "No knowledge sources under {Directory} (content root {ContentRoot}); the project chat has nothing to cite.")]
    private static partial void LogNoSources(ILogger logger, string directory, string contentRoot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base: {Indexed} sources indexed, {Removed} removed, {Unchanged} unchanged; {Passages} passages loaded.")]
    private static partial void LogIndexed(ILogger logger, int indexed, int removed, int unchanged, int passages);
}
