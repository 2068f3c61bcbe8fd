namespace TradingPlatform.AiService.Chat;

/// <summary>The answer of <c>POST /api/chat/project/clear</c>: how many conversations were removed.</summary>
public sealed record ChatCleared(int Cleared);
