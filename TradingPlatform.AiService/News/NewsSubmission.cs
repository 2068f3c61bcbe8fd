namespace TradingPlatform.AiService.News;

/// <summary>A validated news item to ingest: trimmed texts, a UTC publication time, catalog symbols the poster named.</summary>
public sealed record NewsSubmission(
    string? ClientId,
    string Headline,
    string? Body,
    string Source,
    DateTimeOffset PublishedAt,
    IReadOnlyList<string> Symbols);
