namespace TradingPlatform.AiService.Analysis;

/// <summary><c>GET /api/ai/recommendations</c>: a page of the caller's recommendations, newest first, and how many match.</summary>
public sealed record RecommendationList(IReadOnlyList<RecommendationResponse> Items, int Page, int Limit, long Total);
