using Microsoft.SemanticKernel;

namespace TradingPlatform.AiService.Chat;

/// <summary>
/// An answer being streamed: its first chunk is already in (so that a model that cannot be reached or fails answers a
/// 503 or 502 before any byte of the stream is sent), the rest follows from <see cref="Rest"/>.
/// </summary>
internal sealed class ChatStream(ChatPrepared prepared, ChatCall? call, string model, IAsyncEnumerator<StreamingChatMessageContent>? rest, string first)
    : IAsyncDisposable
{
    public ChatPrepared Prepared { get; } = prepared;

    /// <summary>The metered call (its usage adds up as the chunks go by); null when no model was asked.</summary>
    public ChatCall? Call { get; } = call;

    public string Model { get; } = model;

    public string First { get; } = first;

    public IAsyncEnumerator<StreamingChatMessageContent>? Rest { get; } = rest;

    public ValueTask DisposeAsync() => Rest?.DisposeAsync() ?? ValueTask.CompletedTask;
}
