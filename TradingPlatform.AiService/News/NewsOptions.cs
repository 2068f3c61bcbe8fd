namespace TradingPlatform.AiService.News;

/// <summary>The <c>News</c> section: ingestion limits and the sentiment aggregate's decay.</summary>
public sealed class NewsOptions
{
    public const string Section = "News";

    /// <summary>The longest body, in bytes of UTF-8, that <c>POST /api/news</c> accepts (larger: 413). Default 64 KiB.</summary>
    public int MaxBodyBytes { get; set; } = 65_536;

    /// <summary>
    /// The half-life of a news item's weight in <c>GET /api/sentiment</c>'s aggregate: an item this old counts half as
    /// much as one published now. Default 6 hours.
    /// </summary>
    public TimeSpan SentimentHalfLife { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The window of <c>GET /api/sentiment</c> without <c>window</c>, and of the aggregate a <c>NewsPublished</c> event carries.</summary>
    public string DefaultWindow { get; set; } = "1d";

    /// <summary>How far in the future a <c>publishedAt</c> may lie (clock skew between the poster and this service).</summary>
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
