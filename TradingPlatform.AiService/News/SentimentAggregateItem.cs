namespace TradingPlatform.AiService.News;

/// <summary>One item of <see cref="SentimentAggregateResponse.Items"/>; <see cref="Weight"/> is its decay weight as of the answer.</summary>
public sealed record SentimentAggregateItem(
    Guid Id,
    string Headline,
    string Source,
    DateTimeOffset PublishedAt,
    IReadOnlyList<string> Symbols,
    double SentimentScore,
    string SentimentLabel,
    string Impact,
    double Weight);
