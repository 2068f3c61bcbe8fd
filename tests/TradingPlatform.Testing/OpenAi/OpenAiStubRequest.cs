using System.Text.Json;

namespace TradingPlatform.Testing.OpenAi;

/// <summary>A request the stub received: its path, its Authorization header and its JSON body.</summary>
public sealed record OpenAiStubRequest(string Path, string? Authorization, JsonElement Body)
{
    public bool IsStreaming => Body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True;

    /// <summary>The chat request's messages' contents, in order (empty for embeddings).</summary>
    public IReadOnlyList<(string Role, string Content)> Messages =>
        Body.TryGetProperty("messages", out var messages)
            ? [.. messages.EnumerateArray().Select(m => (m.GetProperty("role").GetString() ?? "", Content(m)))]
            : [];

    /// <summary>The names of the tools the request offered.</summary>
    public IReadOnlyList<string> ToolNames =>
        Body.TryGetProperty("tools", out var tools)
            ? [.. tools.EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString() ?? "")]
            : [];

    private static string Content(JsonElement message) =>
        message.TryGetProperty("content", out var content)
            ? content.ValueKind switch
            {
                JsonValueKind.String => content.GetString() ?? "",
                JsonValueKind.Array => string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : "")),
                _ => "",
            }
            : "";
}
