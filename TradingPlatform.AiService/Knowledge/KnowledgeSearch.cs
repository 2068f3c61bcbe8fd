using Microsoft.Extensions.Options;

namespace TradingPlatform.AiService.Knowledge;

/// <summary>
/// Hybrid retrieval over the current snapshot: BM25 (Lucene.Net) and the cosine of the query's embedding, fused with
/// weighted reciprocal rank fusion; a query whose best cosine is under <see cref="KnowledgeOptions.MinQuerySimilarity"/>
/// finds nothing (an out-of-domain question gets an empty list, not the least bad passage).
/// </summary>
public sealed class KnowledgeSearch(KnowledgeBase knowledge, IKnowledgeEmbedder embedder, IOptions<KnowledgeOptions> options) : IKnowledgeSearch
{
    /// <summary>The most hits one search returns, whatever the caller asks.</summary>
    public const int MaxLimit = 50;

    /// <summary>Longer queries are cut: the embedder reads 256 tokens at most, and BM25 gains nothing from a page of text.</summary>
    public const int MaxQueryChars = 2000;

    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query) || limit <= 0)
        {
            return [];
        }

        var rankings = await RankAsync(query, cancellationToken);
        var value = options.Value;
        return rankings.Select(Math.Min(limit, MaxLimit), value.Fusion, value.MinQuerySimilarity, value.MinPassageSimilarity);
    }

    public async Task<IReadOnlyList<KnowledgePassage>> PassagesAsync(CancellationToken cancellationToken)
    {
        await knowledge.Ready.WaitAsync(cancellationToken);
        return knowledge.Current.Passages;
    }

    /// <summary>The query's lexical and dense rankings in the current snapshot (after the first index).</summary>
    public async Task<KnowledgeRankings> RankAsync(string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await knowledge.Ready.WaitAsync(cancellationToken);
        var index = knowledge.Current;
        var text = query.Length > MaxQueryChars ? query[..MaxQueryChars] : query;
        var candidates = options.Value.CandidatesPerRanking;
        var vector = (await embedder.EmbedAsync([text], cancellationToken))[0];
        var similarities = index.Similarities(vector);
        var dense = Enumerable.Range(0, similarities.Length).OrderByDescending(i => similarities[i]).Take(candidates).ToArray();
        return new KnowledgeRankings(index, index.Lexical(text, candidates), dense, similarities);
    }
}
