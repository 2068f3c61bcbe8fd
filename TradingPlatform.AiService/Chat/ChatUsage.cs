namespace TradingPlatform.AiService.Chat;

/// <summary>The tokens an answer cost: the prompts' and the completions' of every model call it made.</summary>
public sealed record ChatUsage(long PromptTokens, long CompletionTokens)
{
    public static ChatUsage None { get; } = new(0, 0);

    public long TotalTokens => PromptTokens + CompletionTokens;

    public ChatUsage Add(ChatUsage other) => new(PromptTokens + other.PromptTokens, CompletionTokens + other.CompletionTokens);
}
