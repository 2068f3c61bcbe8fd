namespace TradingPlatform.AiService.Knowledge;

/// <summary>
/// <c>Knowledge:Fusion</c>: weighted reciprocal rank fusion, score = Σ wᵢ / (<see cref="K"/> + rankᵢ) over the lexical
/// and the dense ranking (rank 1 is the best). The defaults won the grid search on the development set.
/// </summary>
public sealed class KnowledgeFusionOptions
{
    /// <summary>The rank offset k: larger values flatten the difference between the first ranks and the later ones.</summary>
    public double K { get; set; } = 10;

    /// <summary>The weight of the BM25 (Lucene.Net) ranking.</summary>
    public double LexicalWeight { get; set; } = 0.4;

    /// <summary>The weight of the embeddings' cosine ranking.</summary>
    public double DenseWeight { get; set; } = 0.6;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!double.IsFinite(K) || K < 0)
        {
            errors.Add($"{KnowledgeOptions.Section}:Fusion:{nameof(K)} must be a finite number of at least 0.");
        }

        if (!double.IsFinite(LexicalWeight) || LexicalWeight < 0 || !double.IsFinite(DenseWeight) || DenseWeight < 0 || LexicalWeight + DenseWeight <= 0)
        {
            errors.Add($"{KnowledgeOptions.Section}:Fusion:{nameof(LexicalWeight)} and {nameof(DenseWeight)} must be finite, at least 0, and not both 0.");
        }

        return errors;
    }
}
