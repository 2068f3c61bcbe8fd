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
/// <c>GET /api/predictions</c> and <c>/api/predictions/scores</c> forward to the AiService (a stand-in answering as it
/// does) with the query and the caller's token; the page comes back in the cursor envelope, the scores as <c>data</c>,
/// a bad parameter as a validation error naming its field.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class AiPredictionsApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private const string Page = """{"data":[{"id":"0193a1b2-0000-7000-8000-000000000001","symbol":"BTC-USD","status":"scored"}],"nextCursor":"AQID","total":7}""";
    private const string Scores = """[{"model":"nbeats-BTC-USD-1m","modelVersion":2,"symbol":"BTC-USD","scored":5,"meanSmape":0.41}]""";
    private StandInAiService _ai = null!;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _ai = await StandInAiService.StartAsync(ai =>
        {
            ai.MapGet("/api/predictions", (HttpContext context) => context.Request.Query["limit"] == "0"
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit must be a whole number from 1 to 100."] })
                : Results.Text(Page, "application/json"));
            ai.MapGet("/api/predictions/scores", () => Results.Text(Scores, "application/json"));
        });
        _factory = await ApiFactory.StartAsync(infrastructure, overrides: [("services:ai:http:0", _ai.Url)]);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _ai.DisposeAsync();
    }

    [Fact]
    public async Task Predictions_and_scores_are_forwarded_and_answered_in_the_cursor_and_data_envelopes()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync(Roles.Viewer);

        using var listed = await client.GetAsync("/api/predictions?symbol=BTC-USD&limit=1");
        var text = await listed.Content.ReadAsStringAsync();
        Assert.True(listed.StatusCode == HttpStatusCode.OK, text);
        var page = JsonDocument.Parse(text).RootElement;
        Assert.True(page.GetProperty("success").GetBoolean());
        Assert.Equal("BTC-USD", page.GetProperty("data")[0].GetProperty("symbol").GetString());
        Assert.Equal(("AQID", 7L), (page.GetProperty("nextCursor").GetString(), page.GetProperty("total").GetInt64()));
        Assert.True(page.TryGetProperty("timestamp", out _));
        var forwarded = _ai.Received.Single(r => r.Path == "/api/predictions?symbol=BTC-USD&limit=1");
        Assert.Equal(("GET", client.DefaultRequestHeaders.Authorization!.ToString()), (forwarded.Method, forwarded.Authorization));

        using var scored = await client.GetAsync("/api/predictions/scores?model=nbeats-BTC-USD-1m");
        var scores = JsonDocument.Parse(await scored.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);
        Assert.Equal(2, scores.GetProperty("data")[0].GetProperty("modelVersion").GetInt32());
        Assert.Contains(_ai.Received, r => r.Path == "/api/predictions/scores?model=nbeats-BTC-USD-1m");

        var invalid = await Envelope.AssertErrorAsync(await client.GetAsync("/api/predictions?limit=0"), 400, "VALIDATION_ERROR");
        Assert.True(invalid.GetProperty("error").GetProperty("details").TryGetProperty("limit", out _), invalid.ToString());

        using var anonymous = _factory.CreateClient();
        await Envelope.AssertErrorAsync(await anonymous.GetAsync("/api/predictions"), 401, "AUTHENTICATION_ERROR");
    }
}
