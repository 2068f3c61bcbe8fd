namespace TradingPlatform.Testing.OpenAi;

/// <summary>What the stub answers one chat request with: text, or tool calls (name and JSON arguments), and the usage it reports.</summary>
public sealed record OpenAiStubReply(string? Content, IReadOnlyList<OpenAiStubToolCall> ToolCalls, int PromptTokens, int CompletionTokens)
{
    public static OpenAiStubReply Text(string content, int promptTokens = 100, int completionTokens = 20) => new(content, [], promptTokens, completionTokens);

    /// <summary>A call of <paramref name="function"/> (as Semantic Kernel names it: <c>plugin-function</c>) with <paramref name="argumentsJson"/>.</summary>
    public static OpenAiStubReply ToolCall(string function, string argumentsJson = "{}", int promptTokens = 80, int completionTokens = 10) =>
        new(null, [new OpenAiStubToolCall($"call_{Guid.NewGuid():N}", function, argumentsJson)], promptTokens, completionTokens);
}

/// <summary>One tool call of a scripted reply.</summary>
public sealed record OpenAiStubToolCall(string Id, string Function, string ArgumentsJson);
