using System.Net;
using System.Text.Json;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Ai;

/// <summary>
/// Seed 000's project chat, served by the AiService (the knowledge base, the model and the conversations are there) and
/// answered here in the Api's envelope: <c>POST /api/chat/project</c>, <c>GET /api/chat/project/suggestions</c> and
/// <c>POST /api/chat/project/clear</c>. An answer asked for as server-sent events (<c>Accept: text/event-stream</c> or
/// <c>"stream": true</c>) is passed through event by event, unwrapped; a refusal before the stream began is the envelope.
/// A model that answered with an error stays a 502 (the AiService's other failures are 503s, as for every forwarded call).
/// </summary>
public static class AiChatApi
{
    public static IEndpointRouteBuilder MapAiChatApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/chat/project").WithTags("Project chat").RequireAuthorization(AuthorizationPolicies.Viewer);
        group.MapPost("", AskAsync).WithName("AskProjectChat")
            .WithSummary("Answers a question about the platform from its documentation, citing the passages as [n]; continues a conversation; streams with Accept: text/event-stream.");
        group.MapGet("/suggestions", ForwardAsync).WithName("GetProjectChatSuggestions")
            .WithSummary("Questions the chat can answer, from the documentation's sections and the caller's backtests, strategies and leveraged positions.");
        group.MapPost("/clear", ForwardAsync).WithName("ClearProjectChat")
            .WithSummary("Clears one of the caller's conversations, or all of them when none is named.");
        return routes;
    }

    private static Task<IResult> ForwardAsync(HttpContext context, AiServiceClient ai, TimeProvider time, CancellationToken cancellationToken) =>
        AiForwardedResults.FromAsync(() => KeepingBadGatewayAsync(ai.ForwardAsync(context.Request, cancellationToken), cancellationToken), time, cancellationToken);

    private static async Task<IResult> AskAsync(HttpContext context, AiServiceClient ai, TimeProvider time, CancellationToken cancellationToken)
    {
        context.Request.EnableBuffering();
        var streamed = WantsEvents(context.Request) || await AsksForStreamAsync(context.Request, cancellationToken);
        context.Request.Body.Position = 0;
        if (!streamed)
        {
            return await ForwardAsync(context, ai, time, cancellationToken);
        }

        HttpResponseMessage? events = null;
        var result = await AiForwardedResults.FromAsync(async () =>
        {
            var response = await KeepingBadGatewayAsync(ai.StreamAsync(context.Request, cancellationToken), cancellationToken);
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

    /// <summary>A 502 from the AiService (the configured model answered an error) is told as a 502, not as the AiService's failure.</summary>
    private static async Task<HttpResponseMessage> KeepingBadGatewayAsync(Task<HttpResponseMessage> sending, CancellationToken cancellationToken)
    {
        var response = await sending;
        if (response.StatusCode != HttpStatusCode.BadGateway)
        {
            return response;
        }

        using (response)
        {
            var message = "The configured model answered with an error; retry later.";
            try
            {
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                if (problem.RootElement.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text)
                {
                    message = text;
                }
            }
            catch (JsonException)
            {
                // No problem body: the generic message stands.
            }

            throw new ApiException(StatusCodes.Status502BadGateway, ErrorCodes.ServiceUnavailable, message);
        }
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
