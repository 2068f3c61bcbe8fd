using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using TradingPlatform.ServiceDefaults.Llm;

namespace TradingPlatform.AiService.Chat;

/// <summary>
/// Runs a chat history through the DI <see cref="Kernel"/>'s chat completion, always by invoking a kernel function
/// (<see cref="ChatCall.FunctionName"/>) so that Semantic Kernel's filters see every call (<see cref="ChatMeteringFilter"/>).
/// The configured model when <c>Llm:Endpoint</c> is set, the offline <see cref="ExtractiveChatCompletionService"/>
/// otherwise or when asked for (<c>Llm:FallBackToOffline</c>). Each use gets its own kernel (a clone of the DI one), so
/// that the caller's tools and the call's metering state belong to that use only.
/// </summary>
internal sealed class ChatKernel(Kernel kernel, IOptions<LlmOptions> llm)
{
    /// <summary>The offline answerer's service key: also registered under it when a model is configured, for the fallback.</summary>
    public const string OfflineServiceKey = "offline";

    private static readonly KernelFunction Answer = KernelFunctionFactory.CreateFromMethod(AnswerAsync, ChatCall.FunctionName,
        "Answers the chat history with the selected chat completion service.");

    private static readonly KernelFunction StreamAnswer = KernelFunctionFactory.CreateFromMethod(StreamAnswerAsync, ChatCall.FunctionName,
        "Streams the answer to the chat history from the selected chat completion service.");

    public bool HasModel => llm.Value.HasEndpoint;

    public bool FallsBackToOffline => llm.Value.FallBackToOffline;

    /// <summary>The name answers and cost records carry: the configured chat model, or the offline answerer's.</summary>
    public string ModelName(bool offline) => offline || !HasModel ? ExtractiveChatCompletionService.ModelName : llm.Value.ChatModel;

    /// <summary>A kernel of its own for one use, metered as <paramref name="feature"/> for <paramref name="userId"/>.</summary>
    public (Kernel Kernel, ChatCall Call) Begin(string feature, string? userId, bool offline)
    {
        var own = kernel.Clone();
        var call = new ChatCall(feature, ModelName(offline), offline || !HasModel ? ExtractiveChatCompletionService.ModelVersion : llm.Value.Provider, userId);
        call.AttachTo(own);
        return (own, call);
    }

    public static async Task<ChatMessageContent> CompleteAsync(Kernel own, ChatHistory history, PromptExecutionSettings? settings, bool offline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(own);
        var result = await own.InvokeAsync(Answer, Arguments(history, settings, offline), cancellationToken);
        return result.GetValue<ChatMessageContent>() ?? throw new InvalidOperationException("The chat completion returned no message.");
    }

    public static IAsyncEnumerable<StreamingChatMessageContent> StreamAsync(Kernel own, ChatHistory history, PromptExecutionSettings? settings, bool offline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(own);
        return own.InvokeStreamingAsync<StreamingChatMessageContent>(StreamAnswer, Arguments(history, settings, offline), cancellationToken);
    }

    private static KernelArguments Arguments(ChatHistory history, PromptExecutionSettings? settings, bool offline) =>
        new() { ["history"] = history, ["settings"] = settings, ["offline"] = offline };

    private static IChatCompletionService Service(Kernel kernel, KernelArguments arguments) =>
        arguments["offline"] is true ? kernel.GetRequiredService<IChatCompletionService>(OfflineServiceKey) : kernel.GetRequiredService<IChatCompletionService>();

    private static async Task<ChatMessageContent> AnswerAsync(Kernel kernel, KernelArguments arguments, CancellationToken cancellationToken) =>
        await Service(kernel, arguments).GetChatMessageContentAsync((ChatHistory)arguments["history"]!, arguments["settings"] as PromptExecutionSettings, kernel, cancellationToken);

    private static async IAsyncEnumerable<StreamingChatMessageContent> StreamAnswerAsync(
        Kernel kernel, KernelArguments arguments, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunks = Service(kernel, arguments).GetStreamingChatMessageContentsAsync(
            (ChatHistory)arguments["history"]!, arguments["settings"] as PromptExecutionSettings, kernel, cancellationToken);
        await foreach (var chunk in chunks.WithCancellation(cancellationToken))
        {
            yield return chunk;
        }
    }
}
