namespace TradingPlatform.AiService.News;

/// <summary>The stored item, and whether this call stored it (false: the same item was already there).</summary>
public sealed record NewsIngestion(NewsItem Item, bool Created);
