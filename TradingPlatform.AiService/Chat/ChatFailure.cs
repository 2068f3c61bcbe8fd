namespace TradingPlatform.AiService.Chat;

/// <summary>Why an answer could not be given: the HTTP status (400, 404, 409, 502, 503), an error code, the field at fault, and what to do.</summary>
public sealed record ChatFailure(int Status, string Code, string Message, string? Field = null)
{
    public static ChatFailure BadField(string field, string message) => new(StatusCodes.Status400BadRequest, "validation_error", message, field);

    public static ChatFailure UnknownConversation(string id) =>
        new(StatusCodes.Status404NotFound, "conversation_not_found", $"There is no conversation '{id}' of yours (it may have expired or been cleared).", "conversationId");
}
