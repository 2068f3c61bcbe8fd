namespace TradingPlatform.AiService.Chat;

/// <summary>The answer of <c>GET /api/chat/project/suggestions</c>.</summary>
public sealed record ChatSuggestionList(IReadOnlyList<ChatSuggestion> Suggestions);
