namespace TradingPlatform.AiService.Knowledge;

/// <summary>What one indexing pass did: the sources (re-)embedded, those deleted, those left as they were.</summary>
public sealed record KnowledgeIndexReport(IReadOnlyList<string> Indexed, IReadOnlyList<string> Removed, int Unchanged, int Passages);
