using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using TradingPlatform.AiService.Chat.Tools;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Knowledge;

namespace TradingPlatform.AiService.Chat;

/// <summary>
/// The project chat's pipeline: checks the question, continues the caller's conversation (or starts one), retrieves the
/// best passages for the question and the conversation's last questions (<see cref="IKnowledgeSearch"/>), builds the chat
/// history (<see cref="ChatPrompt"/>) and has it answered through Semantic Kernel (<see cref="ChatKernel"/>): the
/// configured model, with the caller's read-only tools (<see cref="TradingDataPlugin"/>), or the offline answerer. With no
/// relevant passage the answer says the documentation does not cover the question and no model is asked. A configured
/// model that fails is a 502 or 503 (<see cref="ChatModelFailures"/>), replaced by the offline answerer only when
/// <c>Llm:FallBackToOffline</c> is set. The question and answer are kept in the conversation (<see cref="ConversationStore"/>).
/// </summary>
internal sealed partial class ProjectChat(
    ConversationStore conversations, ChatKernel chat, IServiceProvider services,
    IOptionsMonitor<ChatOptions> options, TimeProvider time, ILogger<ProjectChat> logger)
{
    public const int MaxMessageLength = 4000;
    public const int MaxContextBytes = 4096;

    /// <summary>The earlier questions of the conversation added to the search, so that a follow-up ("and with leverage?") finds its topic.</summary>
    private const int SearchedEarlierQuestions = 2;

    public async Task<(ChatPrepared? Prepared, ChatFailure? Failure)> PrepareAsync(ChatRequest request, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = request.Message?.Trim() ?? "";
        if (message.Length == 0)
        {
            return (null, ChatFailure.BadField("message", "message is required: the question to answer."));
        }

        if (message.Length > MaxMessageLength)
        {
            return (null, ChatFailure.BadField("message", $"message has {message.Length} characters; at most {MaxMessageLength} are accepted."));
        }

        string? context = null;
        if (request.Context is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } sent)
        {
            if (sent.ValueKind != JsonValueKind.Object)
            {
                return (null, ChatFailure.BadField("context", "context must be a JSON object (e.g. {\"symbol\":\"EURUSD\",\"page\":\"orders\"})."));
            }

            context = sent.GetRawText();
            if (Encoding.UTF8.GetByteCount(context) > MaxContextBytes)
            {
                return (null, ChatFailure.BadField("context", $"context is {Encoding.UTF8.GetByteCount(context)} bytes of JSON; at most {MaxContextBytes} are accepted."));
            }
        }

        var conversationId = Guid.NewGuid();
        IReadOnlyList<ChatTurn> earlier = [];
        if (request.ConversationId is { Length: > 0 } requested)
        {
            if (!Guid.TryParse(requested, out conversationId))
            {
                return (null, ChatFailure.BadField("conversationId", $"conversationId '{requested}' is not a conversation id (a GUID)."));
            }

            if (await conversations.ReadAsync(userId, conversationId) is not { } stored)
            {
                return (null, ChatFailure.UnknownConversation(requested));
            }

            earlier = stored;
        }

        // Resolved here, not injected: a host without the knowledge base still starts (and validates its services),
        // and its chat answers 503 rather than inventing without passages.
        if (services.GetService<IKnowledgeSearch>() is not { } knowledge)
        {
            return (null, ChatFailure.KnowledgeUnavailable);
        }

        var current = options.CurrentValue;
        var query = string.Join(' ', earlier.Where(t => t.Role == ChatTurn.User).TakeLast(SearchedEarlierQuestions).Select(t => t.Content).Append(message));
        var hits = await knowledge.SearchAsync(query, current.Passages, cancellationToken);
        var sources = hits.Select((h, i) => new ChatSource(i + 1, h.Passage.Path, h.Passage.Heading, h.Passage.Anchor, h.Score)).ToList();
        var history = ChatPrompt.Build([.. earlier.TakeLast(current.HistoryMessages)], hits, message, context);
        return (new ChatPrepared(userId, conversationId, message, sources, history), null);
    }

    public async Task<(ChatAnswer? Answer, ChatFailure? Failure)> AnswerAsync(ChatPrepared prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (prepared.NothingRelevant)
        {
            return (await KeepAsync(prepared, ChatPrompt.NotCovered, ChatUsage.None, NoModel), null);
        }

        var offline = !chat.HasModel;
        while (true)
        {
            var (kernel, call) = Begin(prepared, offline);
            try
            {
                var message = await ChatKernel.CompleteAsync(kernel, prepared.History, Settings(offline), offline, cancellationToken);
                return (await KeepAsync(prepared, message.Content ?? "", call.Usage, call.Model), null);
            }
            catch (Exception exception) when (!offline && ChatModelFailures.Classify(exception, cancellationToken) is { } failure)
            {
                if (!chat.FallsBackToOffline)
                {
                    LogModelFailed(logger, exception, failure.Status, failure.Message);
                    return (null, failure);
                }

                LogFellBack(logger, exception, failure.Message);
                offline = true;
            }
        }
    }

    /// <summary>Starts the answer's stream and waits for its first chunk; a failure before it is a status, not a broken stream.</summary>
    public async Task<(ChatStream? Stream, ChatFailure? Failure)> OpenStreamAsync(ChatPrepared prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (prepared.NothingRelevant)
        {
            return (new ChatStream(prepared, null, NoModel, null, ChatPrompt.NotCovered), null);
        }

        var offline = !chat.HasModel;
        while (true)
        {
            var (kernel, call) = Begin(prepared, offline);
            var chunks = ChatKernel.StreamAsync(kernel, prepared.History, Settings(offline), offline, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                var first = new StringBuilder();
                // Chunks without text (a role, a tool call being assembled) come before the first words.
                while (first.Length == 0 && await chunks.MoveNextAsync())
                {
                    first.Append(chunks.Current.Content);
                }

                return (new ChatStream(prepared, call, call.Model, chunks, first.ToString()), null);
            }
            catch (Exception exception) when (!offline && ChatModelFailures.Classify(exception, cancellationToken) is { } failure)
            {
                await chunks.DisposeAsync();
                if (!chat.FallsBackToOffline)
                {
                    LogModelFailed(logger, exception, failure.Status, failure.Message);
                    return (null, failure);
                }

                LogFellBack(logger, exception, failure.Message);
                offline = true;
            }
            catch
            {
                await chunks.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Keeps the streamed answer in the conversation and gives its final figures.</summary>
    public Task<ChatAnswer> FinishAsync(ChatStream stream, string answer)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return KeepAsync(stream.Prepared, answer, stream.Call?.Usage ?? ChatUsage.None, stream.Model);
    }

    /// <summary>What <see cref="ChatAnswer.Model"/> says when no model was asked (no relevant passage).</summary>
    public const string NoModel = "none";

    private (Kernel Kernel, ChatCall Call) Begin(ChatPrepared prepared, bool offline)
    {
        var (kernel, call) = chat.Begin(AiFeatures.Chat, prepared.UserId, offline);
        if (!offline && Guid.TryParse(prepared.UserId, out var user))
        {
            kernel.Plugins.AddFromObject(ActivatorUtilities.CreateInstance<TradingDataPlugin>(services, user), TradingDataPlugin.PluginName);
        }

        return (kernel, call);
    }

    /// <summary>The configured model may call the caller's tools; the offline answerer is offered none.</summary>
    private static PromptExecutionSettings? Settings(bool offline) =>
        offline ? null : new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };

    private async Task<ChatAnswer> KeepAsync(ChatPrepared prepared, string answer, ChatUsage usage, string model)
    {
        var now = time.GetUtcNow();
        await conversations.AppendAsync(prepared.UserId, prepared.ConversationId,
            new ChatTurn(ChatTurn.User, prepared.Question, now), new ChatTurn(ChatTurn.Assistant, answer, now));
        return new ChatAnswer(answer, prepared.Sources, prepared.ConversationId, usage, model);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The configured chat model failed ({Status}): {Reason}")]
    private static partial void LogModelFailed(ILogger logger, Exception exception, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The configured chat model failed ({Reason}); answering offline (Llm:FallBackToOffline).")]
    private static partial void LogFellBack(ILogger logger, Exception exception, string reason);
}
