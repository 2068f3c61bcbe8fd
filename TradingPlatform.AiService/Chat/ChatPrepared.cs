using Microsoft.SemanticKernel.ChatCompletion;

namespace TradingPlatform.AiService.Chat;

/// <summary>A checked question, ready to answer: its conversation, the retrieved sources and the history for the model.</summary>
internal sealed record ChatPrepared(string UserId, Guid ConversationId, string Question, IReadOnlyList<ChatSource> Sources, ChatHistory History)
{
    /// <summary>No passage is relevant: the answer says so without asking a model (nothing to answer from, nothing to spend).</summary>
    public bool NothingRelevant => Sources.Count == 0;
}
