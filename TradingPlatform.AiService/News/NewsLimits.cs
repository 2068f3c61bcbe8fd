namespace TradingPlatform.AiService.News;

/// <summary>The lengths <c>POST /api/news</c> accepts (the body's own limit is <c>News:MaxBodyBytes</c>).</summary>
public static class NewsLimits
{
    public const int MaxHeadlineLength = 500;
    public const int MaxSourceLength = 100;
    public const int MaxClientIdLength = 200;
    public const int MaxSymbols = 20;
}
