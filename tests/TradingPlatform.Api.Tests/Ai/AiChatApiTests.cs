using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Ai;

/// <summary>
/// Seed 000's project chat, forwarded to the AiService (a stand-in here; the answers, conversations and their ownership
/// are tested on the real AiService): JSON answers in the envelope, the AiService's refusals as error envelopes (a model's
/// error stays 502), and server-sent events passed through event by event.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class AiChatApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private StandInAiService _ai = null!;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _ai = await StandInAiService.StartAsync(ai =>
        {
            ai.MapPost("/api/chat/project", async (HttpContext context) =>
            {
                var body = _ai.Received.Last(r => r.Path == "/api/chat/project").Body;
                var message = JsonDocument.Parse(body).RootElement.GetProperty("message").GetString();
                if (message == "budget")
                {
                    context.Response.Headers.RetryAfter = "3600";
                    return Results.Problem("The chat feature has spent its daily budget.", statusCode: 429);
                }

                if (message == "fail")
                {
                    return Results.Problem("The configured model answered 500 (InternalServerError).", statusCode: 502);
                }

                if (message == "missing")
                {
                    return Results.Problem("There is no conversation 'x' of yours.", statusCode: 404,
                        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["conversationId"] = ["There is no conversation 'x' of yours."] } });
                }

                if (!context.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.Ordinal))
                {
                    return Results.Ok(new { answer = "Orders are placed with POST /api/orders [1].", sources = new[] { new { number = 1, path = "openapi/v1.json", heading = "POST /api/orders", anchor = "PlaceOrder", score = 0.5 } },
                        conversationId = Guid.Empty, usage = new { promptTokens = 10, completionTokens = 5, totalTokens = 15 }, model = "extractive" });
                }

                // Streamed: the first event, then nothing until the test has read it through the Api.
                context.Response.ContentType = "text/event-stream";
                await context.Response.WriteAsync("event: sources\ndata: {\"sources\":[]}\n\n");
                await context.Response.Body.FlushAsync();
                await _release.Task.WaitAsync(TimeSpan.FromSeconds(30));
                await context.Response.WriteAsync("event: delta\ndata: {\"text\":\"Hello\"}\n\nevent: done\ndata: {\"usage\":{\"totalTokens\":3}}\n\n");
                return Results.Empty;
            });
            ai.MapGet("/api/chat/project/suggestions", () => Results.Ok(new { suggestions = new[] { new { question = "How do I use POST /api/orders?", topic = "docs" } } }));
            ai.MapPost("/api/chat/project/clear", () => Results.Ok(new { cleared = 2 }));
        });
        _factory = await ApiFactory.StartAsync(infrastructure, overrides: [("services:ai:http:0", _ai.Url)]);
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _factory.DisposeAsync();
        await _ai.DisposeAsync();
    }

    [Fact]
    public async Task Questions_suggestions_and_clear_are_forwarded_with_the_callers_token_and_answered_in_the_envelope()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync(Roles.Viewer);
        const string Body = """{"message":"How do I place an order?","context":{"page":"orders"}}""";

        using var asked = await client.PostJsonTextAsync("/api/chat/project", Body);
        var envelope = JsonDocument.Parse(await asked.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.True(envelope.GetProperty("success").GetBoolean());
        Assert.Equal("Orders are placed with POST /api/orders [1].", envelope.GetProperty("data").GetProperty("answer").GetString());
        var forwarded = Assert.Single(_ai.Received, r => r.Path == "/api/chat/project");
        Assert.Equal(Body, forwarded.Body);
        Assert.StartsWith("Bearer ", forwarded.Authorization, StringComparison.Ordinal);

        using var suggested = await client.GetAsync("/api/chat/project/suggestions");
        Assert.Equal("docs", JsonDocument.Parse(await suggested.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("suggestions")[0].GetProperty("topic").GetString());
        using var cleared = await client.PostJsonTextAsync("/api/chat/project/clear", "{}");
        Assert.Equal(2, JsonDocument.Parse(await cleared.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("cleared").GetInt32());
    }

    [Fact]
    public async Task The_AiServices_refusals_are_error_envelopes_and_a_models_error_stays_502()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync(Roles.Trader);

        var missing = await Envelope.AssertErrorAsync(await client.PostJsonTextAsync("/api/chat/project", """{"message":"missing"}"""), 404, "NOT_FOUND_ERROR");
        Assert.Equal("There is no conversation 'x' of yours.", missing.GetProperty("error").GetProperty("details").GetProperty("conversationId")[0].GetString());
        var failed = await Envelope.AssertErrorAsync(await client.PostJsonTextAsync("/api/chat/project", """{"message":"fail"}"""), 502, "SERVICE_UNAVAILABLE_ERROR");
        Assert.Contains("answered 500", failed.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        // Refused before a stream began: the envelope, with the AiService's Retry-After.
        using var budget = await client.PostJsonTextAsync("/api/chat/project", """{"message":"budget","stream":true}""");
        Assert.Equal(TimeSpan.FromHours(1), budget.Headers.RetryAfter?.Delta);
        await Envelope.AssertErrorAsync(budget, 429, "RATE_LIMIT_ERROR");

        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonTextAsync("/api/chat/project", """{"message":"hello"}""")).StatusCode);
        Assert.DoesNotContain(_ai.Received, r => r.Body.Contains("hello", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_streamed_answer_is_passed_through_event_by_event_as_the_AiService_sends_it()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync(Roles.Viewer);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/chat/project", UriKind.Relative))
        {
            Content = new StringContent("""{"message":"stream me","stream":true}""", System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        // The first event arrives while the AiService still holds back the rest.
        Assert.Equal("event: sources", await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("data: {\"sources\":[]}", await reader.ReadLineAsync());
        Assert.Equal("", await reader.ReadLineAsync());
        Assert.False(_release.Task.IsCompleted);
        _release.SetResult();
        var rest = await reader.ReadToEndAsync();
        Assert.Equal("event: delta\ndata: {\"text\":\"Hello\"}\n\nevent: done\ndata: {\"usage\":{\"totalTokens\":3}}\n\n", rest);
        Assert.Equal("""{"message":"stream me","stream":true}""", Assert.Single(_ai.Received, r => r.Body.Contains("stream me", StringComparison.Ordinal)).Body);
    }
}
