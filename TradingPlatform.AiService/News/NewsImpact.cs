namespace TradingPlatform.AiService.News;

/// <summary>Seed 001's <c>impact</c> of a <c>market_news</c> item, from how strong its sentiment is.</summary>
public static class NewsImpact
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    /// <summary><c>high</c> for |score| ≥ 0.6, <c>medium</c> for ≥ 0.25, <c>low</c> otherwise.</summary>
    public static string Of(double sentimentScore) => Math.Abs(sentimentScore) switch
    {
        >= 0.6 => High,
        >= 0.25 => Medium,
        _ => Low,
    };
}
