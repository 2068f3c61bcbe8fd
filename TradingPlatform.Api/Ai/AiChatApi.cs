using System.Net;
using System.Text.Json;
using TradingPlatform.Api.Identity;

namespace TradingPlatform.Api.Ai;

/// <summary>
/// Seed 000's project chat, served by the AiService (the knowledge base, the model and the conversations are there) and
/// answered here in the Api's envelope: <c>POST /api/chat/project</c>, <c>GET /api/chat/project/suggestions</c> and
/// <c>POST /api/chat/project/clear</c>. An answer asked for as server-sent events (<c>Accept: text/event-stream</c> or
/// <c>"stream": true</c>) is passed through event by event, unwrapped; a refusal before the stream began is the envelope.
/// </summary>
public static class AiChatApi
{
    public static IEndpointRouteBuilder MapAiChatApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/chat/project").WithTags("Project chat").RequireAuthorization(AuthorizationPolicies.Viewer);
        group.MapPost("", AskAsync).WithName("AskProjectChat")
            .WithSummary("Answers a question about the platform from its documentation, citing the passages as [n]; continues a conversation; streams with Accept: text/event-stream.");
        group.MapGet("/suggestions", AiForwardedResults.ForwardAsync).WithName("GetProjectChatSuggestions")
            .WithSummary("Questions the chat can answer, from the documentation's sections and the caller's backtests, strategies and leveraged positions.");
        group.MapPost("/clear", AiForwardedResults.ForwardAsync).WithName("ClearProjectChat")
            .WithSummary("Clears one of the caller's conversations, or all of them when none is named.");
        return routes;
    }

    private static async Task<IResult> AskAsync(HttpContext context, AiServiceClient ai, TimeProvider time, CancellationToken cancellationToken)
    {
        context.Request.EnableBuffering();
        var streamed = WantsEvents(context.Request) || await AsksForStreamAsync(context.Request, cancellationToken);
        context.Request.Body.Position = 0;
        if (!streamed)
        {
            return await AiForwardedResults.ForwardAsync(context, ai, time, cancellationToken);
        }

        HttpResponseMessage? events = null;
        var result = await AiForwardedResults.FromAsync(async () =>
        {
            var response = await ai.StreamAsync(context.Request, cancellationToken);
            if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "text/event-stream")
            {
                events = response;
                // Not read here: an empty success for FromAsync; the stream is passed through below.
                return new HttpResponseMessage(HttpStatusCode.NoContent) { Content = new StringContent("") };
            }

            return response;
        }, time, cancellationToken);
        return events is null ? result : new EventStreamPassThrough(events);
    }

    private static bool WantsEvents(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the JSON body says <c>"stream": true</c> (a body that is not JSON is the AiService's to refuse).</summary>
    private static async Task<bool> AsksForStreamAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
