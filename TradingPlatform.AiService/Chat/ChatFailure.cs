namespace TradingPlatform.AiService.Chat;

/// <summary>Why an answer could not be given: the HTTP status (400, 404, 409, 502, 503), an error code, the field at fault, and what to do.</summary>
public sealed record ChatFailure(int Status, string Code, string Message, string? Field = null)
{
    public static ChatFailure BadField(string field, string message) => new(StatusCodes.Status400BadRequest, "validation_error", message, field);

    /// <summary>No knowledge base is registered (a host without <c>AddKnowledgeBase()</c>): nothing to answer from.</summary>
    public static ChatFailure KnowledgeUnavailable { get; } =
        new(StatusCodes.Status503ServiceUnavailable, "knowledge_unavailable", "The project knowledge base is not available in this service; try again later.");

    public static ChatFailure UnknownConversation(string id) =>
        new(StatusCodes.Status404NotFound, "conversation_not_found", $"There is no conversation '{id}' of yours (it may have expired or been cleared).", "conversationId");
}
