namespace TradingPlatform.AiService.Chat;

/// <summary>A question the chat can answer, with why it is proposed (<c>backtests</c>, <c>strategies</c>, <c>leverage</c>, <c>docs</c>) and the passage that answers it.</summary>
public sealed record ChatSuggestion(string Question, string Topic, string Path, string Heading, string Anchor);
