namespace TradingPlatform.AiService.News;

/// <summary>A stored news item as <c>POST /api/news</c> and <c>GET /api/sentiment</c> answer it.</summary>
public sealed record NewsItemResponse(
    Guid Id,
    string? ClientId,
    string Headline,
    string? Body,
    string Source,
    DateTimeOffset PublishedAt,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<string> Symbols,
    double SentimentScore,
    string SentimentLabel,
    double AuthenticityScore,
    string Impact,
    string Summary,
    string Model)
{
    public static NewsItemResponse Of(NewsItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Id, item.ClientId, item.Headline, item.Body, item.Source, item.PublishedAt, item.ReceivedAt, item.Symbols,
            item.SentimentScore, item.SentimentLabel, item.AuthenticityScore, item.Impact, item.Summary, item.Model);
    }
}
