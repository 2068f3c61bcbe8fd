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
    public static readonly double[] GridK = [1, 5, 10, 20, 40, 60, 100];
    public static readonly double[] GridWeights = [0, 0.25, 0.5, 0.75, 1, 1.5, 2];

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

    /// <summary>Every grid point's recall at 5 (floors as configured), best first; ties prefer equal weights and k = 60.</summary>
    public static IReadOnlyList<(KnowledgeFusionOptions Fusion, double Recall)> GridSearch(
        IReadOnlyList<DevQuestion> questions, IReadOnlyList<KnowledgeRankings> rankings, KnowledgeOptions options)
    {
        var results = new List<(KnowledgeFusionOptions, double)>();
        foreach (var k in GridK)
        {
            foreach (var lexical in GridWeights)
            {
                foreach (var dense in GridWeights)
                {
                    if (lexical + dense <= 0)
                    {
                        continue;
                    }

                    var fusion = new KnowledgeFusionOptions { K = k, LexicalWeight = lexical, DenseWeight = dense };
                    var trial = new KnowledgeOptions
                    {
                        Fusion = fusion, MinQuerySimilarity = options.MinQuerySimilarity, MinPassageSimilarity = options.MinPassageSimilarity,
                    };
                    results.Add((fusion, RecallAt(5, questions, rankings, trial)));
                }
            }
        }

        return results
            .OrderByDescending(r => r.Item2)
            .ThenBy(r => Math.Abs(r.Item1.LexicalWeight - r.Item1.DenseWeight))
            .ThenBy(r => Math.Abs(r.Item1.K - 60))
            .ToArray();
    }

    public static string Describe(KnowledgeFusionOptions fusion) =>
        string.Create(CultureInfo.InvariantCulture, $"k={fusion.K}, lexical={fusion.LexicalWeight}, dense={fusion.DenseWeight}");
}
