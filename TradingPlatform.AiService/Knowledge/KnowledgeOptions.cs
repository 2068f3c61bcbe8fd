namespace TradingPlatform.AiService.Knowledge;

/// <summary>
/// <c>Knowledge</c>: where the project knowledge base's sources are, how often they are re-checked, how passages are cut,
/// and how lexical and dense rankings are fused. The fusion defaults and the floors were chosen on the development
/// question set (docs/project-chat.md, "Retrieval").
/// </summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>The folder that holds the shipped sources; relative paths are under the service's base directory.</summary>
    public string SourceDirectory { get; set; } = "knowledge";

    /// <summary>Seconds between two checks of the sources' hashes (a changed file is re-indexed).</summary>
    public int RecheckSeconds { get; set; } = 300;

    /// <summary>The longest passage in characters: a longer section is cut into chunks (at paragraphs, never inside a code block).</summary>
    public int MaxPassageChars { get; set; } = 1200;

    /// <summary>How many candidates each ranking contributes to the fusion.</summary>
    public int CandidatesPerRanking { get; set; } = 50;

    /// <summary>
    /// A query whose best passage is less similar than this (cosine of the sentence embeddings) has no relevant passage:
    /// the search answers an empty list.
    /// </summary>
    public double MinQuerySimilarity { get; set; } = 0.27;

    /// <summary>A passage less similar than this to the query is never returned, however well it matches lexically.</summary>
    public double MinPassageSimilarity { get; set; } = 0.10;

    /// <summary>The weighted reciprocal rank fusion (<c>Knowledge:Fusion</c>, below).</summary>
    public KnowledgeFusionOptions Fusion { get; set; } = new();

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(SourceDirectory))
        {
            errors.Add($"{Section}:{nameof(SourceDirectory)} is required.");
        }

        if (RecheckSeconds is < 1 or > 86_400)
        {
            errors.Add($"{Section}:{nameof(RecheckSeconds)} must be between 1 and 86400.");
        }

        if (MaxPassageChars is < 200 or > 20_000)
        {
            errors.Add($"{Section}:{nameof(MaxPassageChars)} must be between 200 and 20000.");
        }

        if (CandidatesPerRanking is < 1 or > 1000)
        {
            errors.Add($"{Section}:{nameof(CandidatesPerRanking)} must be between 1 and 1000.");
        }

        if (!double.IsFinite(MinQuerySimilarity) || MinQuerySimilarity is < -1 or > 1)
        {
            errors.Add($"{Section}:{nameof(MinQuerySimilarity)} must be a cosine between -1 and 1.");
        }

        if (!double.IsFinite(MinPassageSimilarity) || MinPassageSimilarity is < -1 or > 1)
        {
            errors.Add($"{Section}:{nameof(MinPassageSimilarity)} must be a cosine between -1 and 1.");
        }

        errors.AddRange(Fusion.Validate());
        return errors;
    }
}
