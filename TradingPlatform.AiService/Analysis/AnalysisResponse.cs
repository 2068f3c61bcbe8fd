namespace TradingPlatform.AiService.Analysis;

/// <summary>Seed 001's analysis answer, plus the bars read, the last price and the signal it published (confident buy or sell only).</summary>
public sealed record AnalysisResponse(
    string Symbol, string AnalysisType, string Timeframe, double Confidence, string Signal, AnalysisDetail Analysis,
    IReadOnlyList<RecommendationResponse> Recommendations, DateTimeOffset GeneratedAt, int Bars, double LastPrice, Guid? SignalId);
