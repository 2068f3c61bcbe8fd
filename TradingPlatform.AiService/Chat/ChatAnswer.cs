namespace TradingPlatform.AiService.Chat;

/// <summary>The answer of <c>POST /api/chat/project</c>.</summary>
/// <param name="Answer">The answer's text, citing its sources as [1], [2].</param>
/// <param name="Sources">The passages the answer was composed from (empty when none was relevant).</param>
/// <param name="ConversationId">The conversation the question and answer were added to (new when the request named none).</param>
/// <param name="Usage">The tokens the answer cost.</param>
/// <param name="Model">The model that answered (<c>extractive</c> for the offline default, <c>none</c> when none was asked).</param>
public sealed record ChatAnswer(string Answer, IReadOnlyList<ChatSource> Sources, Guid ConversationId, ChatUsage Usage, string Model);
