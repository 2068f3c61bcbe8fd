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
/// Seed 001's <c>POST /api/ai/analysis</c> and <c>GET /api/ai/recommendations</c>, forwarded to the AiService (a
/// stand-in here; the analysis and ownership are tested on the real AiService) and answered in the Api's envelope.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class AiAnalysisApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private StandInAiService _ai = null!;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _ai = await StandInAiService.StartAsync(ai =>
        {
            ai.MapPost("/api/ai/analysis", () => Results.Ok(new { symbol = "EURUSD", signal = "buy", confidence = 0.7 }));
            ai.MapGet("/api/ai/recommendations", (HttpRequest request) => request.Query["symbol"].ToString() switch
            {
                "NOPE" => Results.ValidationProblem(new Dictionary<string, string[]> { ["symbol"] = ["Unknown symbol 'NOPE'."] }),
                // A model behind the AiService that answered with an error, with the AiService's problem and without one.
                "FAIL" => Results.Problem("The configured model answered 500 (InternalServerError).", statusCode: 502),
                "BARE" => Results.Text("upstream failed", statusCode: 502),
                _ => Results.Ok(new { items = new[] { new { id = Guid.Empty, status = "active" } }, page = 1, limit = 5, total = 1 }),
            });
        });
        _factory = await ApiFactory.StartAsync(infrastructure, overrides: [("services:ai:http:0", _ai.Url)]);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _ai.DisposeAsync();
    }

    [Fact]
    public async Task Analysis_and_recommendations_are_forwarded_and_answered_in_the_envelope()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync(Roles.Viewer);
        const string Body = """{"symbol":"EURUSD","analysisType":"trend","timeframe":"1h"}""";

        using var analyzed = await client.PostJsonTextAsync("/api/ai/analysis", Body);
        var envelope = JsonDocument.Parse(await analyzed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, analyzed.StatusCode);
        Assert.True(envelope.GetProperty("success").GetBoolean());
        Assert.Equal("buy", envelope.GetProperty("data").GetProperty("signal").GetString());
        Assert.Equal(Body, Assert.Single(_ai.Received, r => r.Path == "/api/ai/analysis").Body);

        var unknown = await Envelope.AssertErrorAsync(await client.GetAsync("/api/ai/recommendations?symbol=NOPE"), 400, "VALIDATION_ERROR");
        Assert.Equal("Unknown symbol 'NOPE'.", unknown.GetProperty("error").GetProperty("details").GetProperty("symbol")[0].GetString());

        using var listed = await client.GetAsync("/api/ai/recommendations?symbol=EURUSD&limit=5");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        // Seed 001's shape: data is the array; the page is in pagination.
        var listedBody = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("active", Assert.Single(listedBody.GetProperty("data").EnumerateArray()).GetProperty("status").GetString());
        var pagination = listedBody.GetProperty("pagination");
        Assert.Equal((1, 5, 1L), (pagination.GetProperty("page").GetInt32(), pagination.GetProperty("limit").GetInt32(), pagination.GetProperty("total").GetInt64()));
        Assert.Single(_ai.Received, r => r.Path == "/api/ai/recommendations?symbol=EURUSD&limit=5");
    }

    [Fact]
    public async Task A_models_error_behind_the_AiService_stays_a_502_outside_the_chat_too()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync(Roles.Viewer);

        var failed = await Envelope.AssertErrorAsync(await client.GetAsync("/api/ai/recommendations?symbol=FAIL"), 502, "SERVICE_UNAVAILABLE_ERROR");
        Assert.Equal("The configured model answered 500 (InternalServerError).", failed.GetProperty("error").GetProperty("message").GetString());
        var bare = await Envelope.AssertErrorAsync(await client.GetAsync("/api/ai/recommendations?symbol=BARE"), 502, "SERVICE_UNAVAILABLE_ERROR");
        Assert.Equal("The configured model answered with an error; retry later.", bare.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Without_a_token_the_Api_refuses_before_the_AiService_sees_it()
    {
        using var anonymous = _factory.CreateClient();
        using var response = await anonymous.GetAsync("/api/ai/recommendations");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(_ai.Received, r => r.Path.StartsWith("/api/ai/recommendations", StringComparison.Ordinal));
    }
}
