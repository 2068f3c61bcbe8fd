namespace TradingPlatform.AiService.Analysis;

/// <summary>Seed 001's recommendation, with its status (active, expired or superseded) and expiry.</summary>
public sealed record RecommendationResponse(
    Guid Id, string Symbol, string Action, decimal Price, double Confidence, string Reasoning, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string AnalysisType, string Timeframe)
{
    public static RecommendationResponse Of(AiRecommendation r, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Symbol, r.Action, r.Price, r.Confidence, r.Reasoning, r.StatusAt(now), r.CreatedAt, r.ExpiresAt, r.AnalysisType, r.Timeframe);
    }
}
