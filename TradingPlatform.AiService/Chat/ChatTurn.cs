namespace TradingPlatform.AiService.Chat;

/// <summary>One message of a stored conversation: <c>user</c> (the question as asked) or <c>assistant</c> (the answer).</summary>
public sealed record ChatTurn(string Role, string Content, DateTimeOffset At)
{
    public const string User = "user";
    public const string Assistant = "assistant";
}
