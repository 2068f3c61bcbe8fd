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
/// Seed 003's <c>POST /api/analyze</c> and <c>GET /api/sentiment</c>, and <c>POST /api/news</c>, forwarded to the
/// AiService (a stand-in here) and answered in the Api's envelope; news posting is refused to non-admins before the
/// AiService sees it.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class AiSentimentApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly Guid NewsId = Guid.Parse("5b1c7f0e-3c1d-4f55-9a52-1f1a9e7d2c01");
    private StandInAiService _ai = null!;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _ai = await StandInAiService.StartAsync(ai =>
        {
            ai.MapPost("/api/analyze", () => Results.Ok(new { score = 0.81, label = "positive", authenticityScore = 1.0, summary = "Profit soared." }));
            ai.MapGet("/api/sentiment", (HttpRequest request) => request.Query["symbol"] == "NOPE"
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["symbol"] = ["Unknown symbol 'NOPE'."] })
                : Results.Ok(new { symbol = "AAPL", window = "4h", score = 0.25, count = 2, items = Array.Empty<object>() }));
            ai.MapPost("/api/news", () => Results.Created($"/api/news/{NewsId}", new { id = NewsId, symbols = new[] { "EURUSD" } }));
            ai.MapGet("/api/news/{id:guid}", (Guid id) => Results.Ok(new { id, headline = "EUR/USD rallies" }));
        });
        _factory = await ApiFactory.StartAsync(infrastructure, overrides: [("services:ai:http:0", _ai.Url)]);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _ai.DisposeAsync();
    }

    [Fact]
    public async Task Analyze_and_sentiment_reach_the_AiService_as_sent_and_answer_in_the_envelope()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync(Roles.Viewer);
        const string Body = """{"text":"Profit soared 40%.","source":"Newswire"}""";

        using var analyzed = await client.PostJsonTextAsync("/api/analyze", Body);
        var envelope = JsonDocument.Parse(await analyzed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, analyzed.StatusCode);
        Assert.True(envelope.GetProperty("success").GetBoolean());
        Assert.Equal(0.81, envelope.GetProperty("data").GetProperty("score").GetDouble());
        Assert.Equal(("POST", Body), _ai.Received.Where(r => r.Path == "/api/analyze").Select(r => (r.Method, r.Body)).Single());

        using var sentiment = await client.GetAsync("/api/sentiment?symbol=AAPL&window=4h&limit=5");
        var data = JsonDocument.Parse(await sentiment.Content.ReadAsStringAsync()).RootElement.GetProperty("data");
        Assert.Equal(HttpStatusCode.OK, sentiment.StatusCode);
        Assert.Equal((0.25, 2), (data.GetProperty("score").GetDouble(), data.GetProperty("count").GetInt32()));
        var forwarded = Assert.Single(_ai.Received, r => r.Path.StartsWith("/api/sentiment?", StringComparison.Ordinal));
        Assert.Equal("/api/sentiment?symbol=AAPL&window=4h&limit=5", forwarded.Path);
        Assert.Equal(client.DefaultRequestHeaders.Authorization!.ToString(), forwarded.Authorization);

        var unknown = await Envelope.AssertErrorAsync(await client.GetAsync("/api/sentiment?symbol=NOPE"), 400, "VALIDATION_ERROR");
        Assert.Equal("Unknown symbol 'NOPE'.", unknown.GetProperty("error").GetProperty("details").GetProperty("symbol")[0].GetString());

        using var anonymous = _factory.CreateClient();
        await Envelope.AssertErrorAsync(await anonymous.GetAsync("/api/sentiment?symbol=AAPL"), 401, "AUTHENTICATION_ERROR");
    }

    [Fact]
    public async Task Only_admins_post_news_a_trader_is_refused_before_the_AiService()
    {
        var (_, trader) = await _factory.CreateUserWithClientAsync(Roles.Trader);
        var (_, admin) = await _factory.CreateUserWithClientAsync(Roles.Admin);
        const string Body = """{"headline":"EUR/USD rallies","source":"Wire"}""";

        await Envelope.AssertErrorAsync(await trader.PostJsonTextAsync("/api/news", Body), 403, "AUTHORIZATION_ERROR");
        using var anonymous = _factory.CreateClient();
        await Envelope.AssertErrorAsync(await anonymous.PostJsonTextAsync("/api/news", Body), 401, "AUTHENTICATION_ERROR");
        Assert.DoesNotContain(_ai.Received, r => r.Path == "/api/news");

        using var posted = await admin.PostJsonTextAsync("/api/news", Body);
        var data = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("data");
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal($"/api/news/{NewsId}", posted.Headers.Location?.OriginalString);
        Assert.Equal("EURUSD", data.GetProperty("symbols")[0].GetString());
        Assert.Equal(Body, Assert.Single(_ai.Received, r => r.Path == "/api/news").Body);
        using var read = await trader.GetAsync(posted.Headers.Location);
        Assert.Equal("EUR/USD rallies", JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("headline").GetString());
    }
}
