using System.Runtime.CompilerServices;
using Microsoft.SemanticKernel;
using ChatTokenUsage = OpenAI.Chat.ChatTokenUsage;
using TradingPlatform.AiService.Costs;

namespace TradingPlatform.AiService.Chat;

/// <summary>
/// Semantic Kernel's filters record every model call of a metered kernel function (<see cref="ChatCall"/>) with
/// <see cref="AiCallMeter"/>: its prompt and completion tokens (the usage the model reported in its message's
/// <c>Usage</c> metadata, the offline answerer's too), its latency and its price. A call that asked for tools is seen by
/// the auto-invocation filter before the tools run; the last call by the function filter when the function returns
/// (for a stream, when its last chunk, which carries the usage, went by). A call that failed records nothing: the
/// daily budget is checked before the call (<see cref="AiBudget"/>).
/// </summary>
internal sealed class ChatMeteringFilter(AiCallMeter meter) : IFunctionInvocationFilter, IAutoFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Function.Name != ChatCall.FunctionName || ChatCall.Of(context.Kernel) is not { } call)
        {
            await next(context);
            return;
        }

        call.Restart();
        await next(context);
        if (context.IsStreaming)
        {
            if (context.Result.GetValue<IAsyncEnumerable<StreamingChatMessageContent>>() is { } chunks)
            {
                context.Result = new FunctionResult(context.Result, MeterAsync(chunks, call));
            }

            return;
        }

        var message = context.Result.GetValue<ChatMessageContent>();
        Record(call, UsageOf(message?.Metadata));
    }

    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var call = ChatCall.Of(context.Kernel);
        if (call is not null && context.FunctionSequenceIndex == 0)
        {
            // The model's answer that asked for these tools: one call, ended.
            Record(call, UsageOf(context.ChatMessageContent.Metadata));
        }

        await next(context);
        if (call is not null && context.FunctionSequenceIndex == context.FunctionCount - 1)
        {
            call.Restart();
        }
    }

    private async IAsyncEnumerable<StreamingChatMessageContent> MeterAsync(
        IAsyncEnumerable<StreamingChatMessageContent> chunks, ChatCall call, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ChatUsage? usage = null;
        await foreach (var chunk in chunks.WithCancellation(cancellationToken))
        {
            if (UsageOf(chunk.Metadata) is { } reported)
            {
                usage = reported;
            }

            yield return chunk;
        }

        Record(call, usage);
    }

    /// <summary>Recorded under the configured model's name (as the price table names it), not the server's longer one.</summary>
    private void Record(ChatCall call, ChatUsage? usage)
    {
        // A server that reports no usage (some local ones when streaming) still made a call: recorded with 0 tokens.
        var counted = usage ?? ChatUsage.None;
        var latency = call.Ended(counted);
        meter.Record(new AiCall(call.Feature, call.Model, call.ModelVersion,
            counted.PromptTokens, counted.CompletionTokens, latency, 0, null, call.UserId));
    }

    /// <summary>The usage under <c>Usage</c>: OpenAI's and Azure OpenAI's <see cref="ChatTokenUsage"/> (the offline answerer reports one too).</summary>
    internal static ChatUsage? UsageOf(IReadOnlyDictionary<string, object?>? metadata) =>
        metadata is not null && metadata.TryGetValue("Usage", out var value) && value is ChatTokenUsage usage
            ? new ChatUsage(usage.InputTokenCount, usage.OutputTokenCount)
            : null;
}
