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
/// The Api's AI cost statistics forward to the AiService (a stand-in on a loopback port answering as it does), at
/// <c>/api/ai/cost/statistics</c> and seed 000's <c>/ai/cost/statistics</c>, with the query and the caller's token as
/// sent; the statistics come back as the envelope's <c>data</c>, a bad range as a validation error naming its field,
/// and a spent budget's 429 keeps its Retry-After.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class AiCostsApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private const string Statistics = """{"totalRequests":3,"totalInputTokens":41,"totalOutputTokens":11,"totalCostUsd":0.0125,"byModel":[],"byFeature":[],"byDay":[]}""";
    private StandInAiService _ai = null!;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        IResult Answer(HttpContext context)
        {
            var query = context.Request.Query;
            if (query.ContainsKey("from") && query["from"] == "2026-03-02")
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["from must be before to."] });
            }

            if (query.ContainsKey("from_date"))
            {
                context.Response.Headers.RetryAfter = "3600";
                return Results.Problem("The sentiment feature has spent 1 USD of its daily budget of 1 USD today (UTC); it resets at 2026-03-02T00:00:00Z.", statusCode: 429);
            }

            return Results.Text(Statistics, "application/json");
        }

        _ai = await StandInAiService.StartAsync(ai =>
        {
            ai.MapGet("/api/ai/cost/statistics", Answer);
            ai.MapGet("/ai/cost/statistics", Answer);
        });
        _factory = await ApiFactory.StartAsync(infrastructure, overrides: [("services:ai:http:0", _ai.Url)]);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _ai.DisposeAsync();
    }

    [Fact]
    public async Task Statistics_are_forwarded_with_the_query_and_token_and_answered_in_the_envelope()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync(Roles.Trader);
        var expected = JsonDocument.Parse(Statistics).RootElement;

        foreach (var path in new[] { "/api/ai/cost/statistics?from=2026-01-01&to=2026-01-31", "/ai/cost/statistics?to=2026-01-31" })
        {
            using var response = await client.GetAsync(path);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            var envelope = JsonDocument.Parse(text).RootElement;
            Assert.True(envelope.GetProperty("success").GetBoolean());
            var data = envelope.GetProperty("data");
            foreach (var field in new[] { "totalRequests", "totalInputTokens", "totalOutputTokens" })
            {
                Assert.Equal(expected.GetProperty(field).GetInt64(), data.GetProperty(field).GetInt64());
            }

            Assert.Equal(expected.GetProperty("totalCostUsd").GetDecimal(), data.GetProperty("totalCostUsd").GetDecimal());
            var forwarded = _ai.Received.Single(r => r.Path == path);
            Assert.Equal(client.DefaultRequestHeaders.Authorization!.ToString(), forwarded.Authorization);
        }

        var invalid = await Envelope.AssertErrorAsync(await client.GetAsync("/api/ai/cost/statistics?from=2026-03-02&to=2026-03-01"), 400, "VALIDATION_ERROR");
        Assert.Equal("from must be before to.", invalid.GetProperty("error").GetProperty("details").GetProperty("from")[0].GetString());

        using var spent = await client.GetAsync("/api/ai/cost/statistics?from_date=2026-03-01");
        var refused = await Envelope.AssertErrorAsync(spent, 429, "RATE_LIMIT_ERROR");
        Assert.Contains("resets at 2026-03-02T00:00:00Z", refused.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("3600", Assert.Single(spent.Headers.GetValues("Retry-After")));

        using var anonymous = _factory.CreateClient();
        await Envelope.AssertErrorAsync(await anonymous.GetAsync("/api/ai/cost/statistics"), 401, "AUTHENTICATION_ERROR");
    }
}
