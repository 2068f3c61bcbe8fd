namespace TradingPlatform.AiService.Knowledge;

/// <summary>
/// What one query ranks in one snapshot: the BM25 order, the dense order and every passage's cosine. The search fuses
/// them; the fusion's grid search (tests, bench) re-fuses the same rankings with other weights.
/// </summary>
public sealed record KnowledgeRankings(KnowledgeIndex Index, IReadOnlyList<int> Lexical, IReadOnlyList<int> Dense, double[] Similarities)
{
    /// <summary>The best cosine of any passage: below the query floor, nothing in the knowledge base is relevant.</summary>
    public double BestSimilarity => Similarities.Length == 0 ? double.NegativeInfinity : Similarities.Max();

    /// <summary>The fused hits under the given weights and floors, best first, the best chunk of each section only.</summary>
    public IReadOnlyList<KnowledgeHit> Select(int limit, KnowledgeFusionOptions fusion, double minQuerySimilarity, double minPassageSimilarity)
    {
        ArgumentNullException.ThrowIfNull(fusion);
        if (limit <= 0 || BestSimilarity < minQuerySimilarity)
        {
            return [];
        }

        return ReciprocalRankFusion.Fuse(Lexical, Dense, fusion.K, fusion.LexicalWeight, fusion.DenseWeight)
            .Where(h => Similarities[h.Ordinal] >= minPassageSimilarity)
            // One hit per section: the chunks of one long section would otherwise crowd out every other source.
            .DistinctBy(h => (Index.Passages[h.Ordinal].Path, Index.Passages[h.Ordinal].Anchor))
            .Take(limit)
            .Select(h => new KnowledgeHit(Index.Passages[h.Ordinal], h.Score))
            .ToArray();
    }
}
