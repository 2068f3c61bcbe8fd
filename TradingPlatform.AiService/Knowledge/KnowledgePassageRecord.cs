namespace TradingPlatform.AiService.Knowledge;

/// <summary>A stored passage with its embedding (unit length, as the model's vectors are normalised before storing).</summary>
public sealed class KnowledgePassageRecord
{
    public long Id { get; init; }

    public required string Path { get; init; }

    /// <summary>The passage's position in its source (0 first).</summary>
    public required int Ordinal { get; init; }

    public required string Heading { get; init; }

    public required string Anchor { get; init; }

    public required string Text { get; init; }

    public required float[] Embedding { get; init; }

    public required string EmbeddingModel { get; init; }

    public KnowledgePassage ToPassage() => new(Path, Heading, Anchor, Text);
}
