using System.Text.Json;

namespace TradingPlatform.AiService.Chat;

/// <summary>
/// Seed 000's <c>POST /api/chat/project</c>: the question, an optional small JSON object of where the user is (a symbol,
/// a page), an optional conversation to continue, and <see cref="Stream"/> (or <c>Accept: text/event-stream</c>) for
/// server-sent events.
/// </summary>
public sealed record ChatRequest(string? Message, JsonElement? Context, string? ConversationId, bool? Stream);
