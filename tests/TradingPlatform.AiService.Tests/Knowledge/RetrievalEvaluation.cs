using System.Globalization;
using TradingPlatform.AiService.Knowledge;

namespace TradingPlatform.AiService.Tests.Knowledge;

/// <summary>
/// Recall at k on the development set, and the grid search that chose the fusion's defaults: every question is ranked
/// once (lexical order, dense order, cosines), then re-fused under each combination of k and weights. A question
/// counts as recalled when at least one of the passages that answer it is among the first k hits.
/// </summary>
public static class RetrievalEvaluation
{
    public static readonly double[] GridK = [0, 1, 5, 10, 20, 40, 60, 100, 200];

    /// <summary>The lexical weight's share (the dense weight is 1 − it): scaling both weights changes no ranking.</summary>
    public static readonly double[] GridLexicalShares = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

    public static async Task<IReadOnlyList<KnowledgeRankings>> RankAllAsync(KnowledgeSearch search, IEnumerable<string> questions)
    {
        var rankings = new List<KnowledgeRankings>();
        foreach (var question in questions)
        {
            rankings.Add(await search.RankAsync(question, CancellationToken.None));
        }

        return rankings;
    }

    public static bool Answers(DevQuestion question, IEnumerable<KnowledgeHit> hits) =>
        hits.Any(h => question.Answers.Any(a => a.Path == h.Passage.Path && a.Anchor == h.Passage.Anchor));

    /// <summary>Mean reciprocal rank of the first answering hit within the first five (0 when none): the grid's tie-breaker.</summary>
    public static double MeanReciprocalRank(IReadOnlyList<DevQuestion> questions, IReadOnlyList<KnowledgeRankings> rankings, KnowledgeOptions options)
    {
        var sum = 0.0;
        for (var i = 0; i < questions.Count; i++)
        {
            var hits = rankings[i].Select(5, options.Fusion, options.MinQuerySimilarity, options.MinPassageSimilarity);
            for (var r = 0; r < hits.Count; r++)
            {
                if (Answers(questions[i], [hits[r]]))
                {
                    sum += 1.0 / (r + 1);
                    break;
                }
            }
        }

        return sum / questions.Count;
    }

    public static double RecallAt(int k, IReadOnlyList<DevQuestion> questions, IReadOnlyList<KnowledgeRankings> rankings, KnowledgeOptions options)
    {
        var found = 0;
        for (var i = 0; i < questions.Count; i++)
        {
            if (Answers(questions[i], rankings[i].Select(k, options.Fusion, options.MinQuerySimilarity, options.MinPassageSimilarity)))
            {
                found++;
            }
        }

        return (double)found / questions.Count;
    }

    /// <summary>Every grid point's recall at 5 and MRR (floors as configured), best first: recall, then MRR, then equal weights.</summary>
    public static IReadOnlyList<(KnowledgeFusionOptions Fusion, double Recall, double Mrr)> GridSearch(
        IReadOnlyList<DevQuestion> questions, IReadOnlyList<KnowledgeRankings> rankings, KnowledgeOptions options)
    {
        var results = new List<(KnowledgeFusionOptions, double, double)>();
        foreach (var k in GridK)
        {
            foreach (var share in GridLexicalShares)
            {
                var fusion = new KnowledgeFusionOptions { K = k, LexicalWeight = share, DenseWeight = Math.Round(1 - share, 2) };
                var trial = new KnowledgeOptions
                {
                    Fusion = fusion, MinQuerySimilarity = options.MinQuerySimilarity, MinPassageSimilarity = options.MinPassageSimilarity,
                };
                results.Add((fusion, RecallAt(5, questions, rankings, trial), MeanReciprocalRank(questions, rankings, trial)));
            }
        }

        return results
            .OrderByDescending(r => r.Item2)
            .ThenByDescending(r => r.Item3)
            .ThenBy(r => Math.Abs(r.Item1.LexicalWeight - r.Item1.DenseWeight))
            .ToArray();
    }

    public static string Describe(KnowledgeFusionOptions fusion) =>
        string.Create(CultureInfo.InvariantCulture, $"k={fusion.K}, lexical={fusion.LexicalWeight}, dense={fusion.DenseWeight}");
}
