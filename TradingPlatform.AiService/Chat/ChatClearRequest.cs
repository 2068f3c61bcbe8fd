namespace TradingPlatform.AiService.Chat;

/// <summary><c>POST /api/chat/project/clear</c>: one conversation of the caller's, or all of them when none is named.</summary>
public sealed record ChatClearRequest(string? ConversationId);
