namespace TradingPlatform.AiService.Chat.ConfigReview;

/// <summary>The reviewed suggestions (a subset of the request's, settings and values unchanged) and the model that reviewed them.</summary>
public sealed record ConfigReviewResponse(IReadOnlyList<ConfigSuggestionItem> Suggestions, string Model);
