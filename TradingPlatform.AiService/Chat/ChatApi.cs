using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Security;
using TradingPlatform.ServiceDefaults.Security;

namespace TradingPlatform.AiService.Chat;

/// <summary>
/// Seed 000's project chat: <c>POST /api/chat/project</c> (an answer from the documentation with its sources, as JSON or,
/// with <c>Accept: text/event-stream</c> or <c>"stream": true</c>, as server-sent events; the daily budget of
/// <see cref="AiFeatures.Chat"/> is checked before the model is asked), <c>GET /api/chat/project/suggestions</c> and
/// <c>POST /api/chat/project/clear</c>. Every conversation is the caller's own.
/// </summary>
public static class ChatApi
{
    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/chat/project").RequireAuthorization().AddEndpointFilter<SchemaReadyFilter>().WithTags("Project chat");
        group.MapPost("", AskAsync).WithName("AskProjectChat")
            .WithSummary("Answers a question about the platform from its documentation, citing the passages as [n]; continues a conversation; streams with Accept: text/event-stream.");
        group.MapGet("/suggestions", SuggestAsync).WithName("GetProjectChatSuggestions")
            .WithSummary("Questions the chat can answer, from the documentation's sections and the caller's backtests, strategies and leveraged positions.");
        group.MapPost("/clear", ClearAsync).WithName("ClearProjectChat")
            .WithSummary("Clears one of the caller's conversations, or all of them when none is named.");
        return endpoints;
    }

    private static async Task<IResult> AskAsync(ChatRequest? request, HttpContext context, ClaimsPrincipal user, ILogger<ProjectChat> logger)
    {
        if (request is null)
        {
            return Problem(ChatFailure.BadField("message", "A JSON body with message is required."));
        }

        var chat = context.RequestServices.GetRequiredService<ProjectChat>();
        var cancellationToken = context.RequestAborted;
        var owner = user.UserId().ToString();
        var (prepared, invalid) = await chat.PrepareAsync(request, owner, cancellationToken);
        if (prepared is null)
        {
            return Problem(invalid!);
        }

        if (!prepared.NothingRelevant && await AiBudget.RefusalAsync(AiFeatures.Chat, context) is { } refusal)
        {
            return refusal;
        }

        if (request.Stream == true || WantsEvents(context.Request))
        {
            var (stream, failed) = await chat.OpenStreamAsync(prepared, cancellationToken);
            return stream is null ? Problem(failed!) : new ChatEventStream(chat, stream, logger);
        }

        var (answer, failure) = await chat.AnswerAsync(prepared, cancellationToken);
        return answer is null ? Problem(failure!) : TypedResults.Ok(answer);
    }

    private static async Task<Results<Ok<ChatSuggestionList>, ProblemHttpResult>> SuggestAsync(HttpContext context, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var suggestions = await context.RequestServices.GetRequiredService<ChatSuggestions>().SuggestAsync(user.UserId(), cancellationToken);
        return suggestions is null ? Problem(ChatFailure.KnowledgeUnavailable) : TypedResults.Ok(new ChatSuggestionList(suggestions));
    }

    private static async Task<IResult> ClearAsync(ChatClearRequest? request, ConversationStore conversations, ClaimsPrincipal user)
    {
        var owner = user.UserId().ToString();
        if (request?.ConversationId is not { Length: > 0 } requested)
        {
            return TypedResults.Ok(new ChatCleared(await conversations.ClearAllAsync(owner)));
        }

        if (!Guid.TryParse(requested, out var id))
        {
            return Problem(ChatFailure.BadField("conversationId", $"conversationId '{requested}' is not a conversation id (a GUID)."));
        }

        return await conversations.ClearAsync(owner, id) ? TypedResults.Ok(new ChatCleared(1)) : Problem(ChatFailure.UnknownConversation(requested));
    }

    private static bool WantsEvents(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));

    /// <summary>The failure as a problem: its status, its <c>code</c>, and its field in <c>errors</c> as the other endpoints do.</summary>
    internal static ProblemHttpResult Problem(ChatFailure failure)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = failure.Code };
        if (failure.Field is not null)
        {
            extensions["errors"] = new Dictionary<string, string[]> { [failure.Field] = [failure.Message] };
        }

        return TypedResults.Problem(failure.Message, statusCode: failure.Status, extensions: extensions);
    }
}
