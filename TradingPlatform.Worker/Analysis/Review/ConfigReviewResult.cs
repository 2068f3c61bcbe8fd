namespace TradingPlatform.Worker.Analysis.Review;

/// <summary>The <c>data</c> of the AiService's answer: the reviewed suggestions and the model that reviewed them.</summary>
public sealed record ConfigReviewResult(IReadOnlyList<ReviewSuggestion> Suggestions, string Model);
