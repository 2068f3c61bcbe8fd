namespace TradingPlatform.Messaging.Contracts;

/// <summary>
/// A news item was ingested by the AiService (posted by an admin or an internal service, or made by its simulator):
/// its text, the symbols recognised in it, its sentiment (<see cref="SentimentScore"/> in −1..1), and for each symbol
/// the time-decayed sentiment over the AiService's default window once this item is counted
/// (<see cref="SymbolSentiment"/>). Written once per stored item: a retried post of the same item publishes nothing.
/// </summary>
public sealed record NewsPublishedIntegrationEvent(
    Guid NewsId,
    string Headline,
    string? Body,
    string Source,
    DateTimeOffset PublishedAt,
    IReadOnlyList<string> Symbols,
    double SentimentScore,
    string SentimentLabel,
    string Impact,
    IReadOnlyList<NewsSymbolSentiment> SymbolSentiment) : IntegrationEvent
{
    public const string Key = "ai.news_published";

    public override string RoutingKey => Key;
}
