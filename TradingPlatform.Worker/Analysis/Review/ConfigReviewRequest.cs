namespace TradingPlatform.Worker.Analysis.Review;

/// <summary>The body of <c>POST /api/ai/config-review</c>: the rule engine's suggestions and the figures behind them.</summary>
public sealed record ConfigReviewRequest(IReadOnlyList<ReviewSuggestion> Suggestions, IReadOnlyDictionary<string, double> Figures);
