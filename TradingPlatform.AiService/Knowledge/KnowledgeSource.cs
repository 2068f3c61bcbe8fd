namespace TradingPlatform.AiService.Knowledge;

/// <summary>An indexed source file: its content hash decides whether it must be re-embedded.</summary>
public sealed class KnowledgeSource
{
    /// <summary>The path in the repository (<c>README.md</c>, <c>docs/monte-carlo.md</c>).</summary>
    public required string Path { get; init; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The embedding model the passages were embedded with: another model re-embeds them.</summary>
    public required string EmbeddingModel { get; set; }

    public required int Passages { get; set; }

    public DateTimeOffset IndexedAt { get; set; }
}
