namespace TradingPlatform.AiService.Chat.ConfigReview;

/// <summary><c>POST /api/ai/config-review</c>: the rule engine's suggestions and the figures they were drawn from (name → number).</summary>
public sealed record ConfigReviewRequest(IReadOnlyList<ConfigSuggestionItem>? Suggestions, IReadOnlyDictionary<string, double>? Figures);
