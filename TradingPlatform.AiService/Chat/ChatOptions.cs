namespace TradingPlatform.AiService.Chat;

/// <summary><c>Chat</c>: how the project chat keeps conversations and how much it retrieves and accepts.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>How long a conversation lives in Redis after its last message.</summary>
    public int ConversationTtlMinutes { get; set; } = 60;

    /// <summary>The messages (questions and answers) a conversation keeps, at most; older ones are dropped.</summary>
    public int MaxStoredMessages { get; set; } = 20;

    /// <summary>The earlier messages sent to the model with a new question (and the user's last ones added to the search).</summary>
    public int HistoryMessages { get; set; } = 6;

    /// <summary>The passages retrieved for one question.</summary>
    public int Passages { get; set; } = 5;

    /// <summary>The errors of a configuration that must not start.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ConversationTtlMinutes is < 1 or > 60 * 24 * 30)
        {
            errors.Add($"{Section}:{nameof(ConversationTtlMinutes)} must be between 1 and 43200.");
        }

        if (MaxStoredMessages is < 2 or > 1000)
        {
            errors.Add($"{Section}:{nameof(MaxStoredMessages)} must be between 2 and 1000.");
        }

        if (HistoryMessages < 0 || HistoryMessages > MaxStoredMessages)
        {
            errors.Add($"{Section}:{nameof(HistoryMessages)} must be between 0 and {nameof(MaxStoredMessages)}.");
        }

        if (Passages is < 1 or > 20)
        {
            errors.Add($"{Section}:{nameof(Passages)} must be between 1 and 20.");
        }

        return errors;
    }
}
