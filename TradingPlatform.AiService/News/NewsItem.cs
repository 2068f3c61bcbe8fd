namespace TradingPlatform.AiService.News;

/// <summary>
/// One ingested news item (<c>ai.news_items</c>): its text and source, when it was published, the symbols recognised
/// in it (or named by the poster), and the sentiment the AiService's model gave it. <see cref="DedupeKey"/> makes a
/// retried post a no-op: the client's id when it sent one, otherwise a hash of source, headline and publication time.
/// </summary>
public sealed class NewsItem
{
    public required Guid Id { get; init; }

    /// <summary>The poster's own id of the item (<c>id</c> in the request), when it sent one.</summary>
    public string? ClientId { get; init; }

    public required string DedupeKey { get; init; }

    public required string Headline { get; init; }

    public string? Body { get; init; }

    public required string Source { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Catalog symbols (e.g. <c>EURUSD</c>, <c>BTC-USD</c>), in the order first recognised.</summary>
    public required List<string> Symbols { get; init; }

    /// <summary>P(positive) − P(negative), −1..1.</summary>
    public required double SentimentScore { get; init; }

    public required string SentimentLabel { get; init; }

    public required double AuthenticityScore { get; init; }

    /// <summary><c>high</c>, <c>medium</c> or <c>low</c> (seed 001's <c>market_news</c>), from |score| (<see cref="NewsImpact"/>).</summary>
    public required string Impact { get; init; }

    public required string Summary { get; init; }

    public required string Model { get; init; }
}
