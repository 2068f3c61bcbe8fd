namespace TradingPlatform.AiService.Knowledge;

/// <summary>Turns passages and queries into unit-length vectors; the knowledge base's dense ranking is their cosine.</summary>
public interface IKnowledgeEmbedder
{
    /// <summary>The model's name as stored with each passage: passages of another model are re-embedded.</summary>
    string Model { get; }

    Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
