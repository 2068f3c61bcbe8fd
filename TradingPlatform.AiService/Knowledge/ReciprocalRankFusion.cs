namespace TradingPlatform.AiService.Knowledge;

/// <summary>Weighted reciprocal rank fusion: score(d) = Σ wᵢ / (k + rankᵢ(d)), rank 1 the best of ranking i.</summary>
public static class ReciprocalRankFusion
{
    /// <summary>Ordinals with their fused scores, best first (ties by the better lexical, then dense, rank: stable).</summary>
    public static IReadOnlyList<(int Ordinal, double Score)> Fuse(
        IReadOnlyList<int> lexical, IReadOnlyList<int> dense, double k, double lexicalWeight, double denseWeight)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(dense);
        var scores = new Dictionary<int, double>();
        Add(lexical, lexicalWeight);
        Add(dense, denseWeight);
        return scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Select(s => (s.Key, s.Value)).ToArray();

        void Add(IReadOnlyList<int> ranking, double weight)
        {
            if (weight <= 0)
            {
                return;
            }

            for (var r = 0; r < ranking.Count; r++)
            {
                scores[ranking[r]] = scores.GetValueOrDefault(ranking[r]) + (weight / (k + r + 1));
            }
        }
    }
}
