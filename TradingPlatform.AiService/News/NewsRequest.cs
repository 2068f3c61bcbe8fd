namespace TradingPlatform.AiService.News;

/// <summary>
/// The body of <c>POST /api/news</c>: <see cref="Headline"/> and <see cref="Source"/> required; <see cref="Body"/>
/// optional; <see cref="PublishedAt"/> defaults to now; <see cref="Symbols"/> (catalog symbols or their aliases) are
/// added to those recognised in the text; <see cref="Id"/> is the poster's own id, which makes a retried post a no-op
/// (without one, the same source, headline and publication time are the same item).
/// </summary>
public sealed record NewsRequest(
    string? Id,
    string? Headline,
    string? Body,
    string? Source,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<string>? Symbols);
