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
/// The Api's training and forecasting endpoints forward to the AiService (here a stand-in on a loopback port that
/// answers as the AiService does) and answer in the Api's envelope: the body and the caller's token reach it as sent, a
/// success becomes <c>data</c> (a 202 keeps its Location), the AiService's problems become the error envelope with their
/// field errors, its failures a 503 that shows nothing of it, and an AiService that does not answer a 503.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class AiModelsApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly Guid RunId = Guid.Parse("5b1c7f0e-3c1d-4f55-9a52-1f1a9e7d2c01");
    private StandInAiService _ai = null!;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _ai = await StandInAiService.StartAsync(ai =>
        {
            ai.MapPost("/api/training/start", () => Results.Accepted($"/api/training/{RunId}", new { id = RunId, status = "queued" }));
            ai.MapGet("/api/training/{id:guid}", () => Results.Problem("The training run was not found.", statusCode: 404));
            ai.MapPost("/api/infer/forecast/nbeats", () => Results.ValidationProblem(new Dictionary<string, string[]> { ["history"] = ["history has 3 prices; the model reads the last 20."] }));
            ai.MapPost("/api/infer/forecast/nbeats/batch", () => Results.Text("System.NullReferenceException at Secret.Internals()", statusCode: 500));
            ai.MapPost("/api/predict-trend", () => Results.Ok(new { symbol = "BTC-USD", direction = "down", probability = 0.625 }));
        });
        _factory = await ApiFactory.StartAsync(infrastructure, overrides: [("services:ai:http:0", _ai.Url)]);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _ai.DisposeAsync();
    }

    [Fact]
    public async Task Requests_reach_the_AiService_as_sent_and_its_answers_come_back_in_the_envelope()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync(Roles.Trader);
        const string Body = """{"symbol":"BTC-USD","interval":"1m","lookback":20,"horizon":5}""";

        using var started = await client.PostJsonTextAsync("/api/training/start", Body);
        var text = await started.Content.ReadAsStringAsync();
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, text);
        Assert.Equal($"/api/training/{RunId}", started.Headers.Location?.OriginalString);
        var envelope = JsonDocument.Parse(text).RootElement;
        Assert.True(envelope.GetProperty("success").GetBoolean());
        Assert.Equal(RunId, envelope.GetProperty("data").GetProperty("id").GetGuid());
        var forwarded = _ai.Received.Single(r => r.Path == "/api/training/start");
        Assert.Equal(("POST", Body), (forwarded.Method, forwarded.Body));
        Assert.Equal(client.DefaultRequestHeaders.Authorization!.ToString(), forwarded.Authorization);

        var missing = await Envelope.AssertErrorAsync(await client.GetAsync($"/api/training/{RunId}"), 404, "NOT_FOUND_ERROR");
        Assert.Equal("The training run was not found.", missing.GetProperty("error").GetProperty("message").GetString());

        var invalid = await Envelope.AssertErrorAsync(await client.PostJsonTextAsync("/api/infer/forecast/nbeats", """{"symbol":"BTC-USD","history":[1,2,3]}"""), 400, "VALIDATION_ERROR");
        Assert.Equal("history has 3 prices; the model reads the last 20.", invalid.GetProperty("error").GetProperty("details").GetProperty("history")[0].GetString());

        using var trend = await client.PostJsonTextAsync("/api/predict-trend", """{"symbol":"BTC-USD","interval":"1m"}""");
        var trendData = JsonDocument.Parse(await trend.Content.ReadAsStringAsync()).RootElement.GetProperty("data");
        Assert.Equal(HttpStatusCode.OK, trend.StatusCode);
        Assert.Equal(("down", 0.625), (trendData.GetProperty("direction").GetString(), trendData.GetProperty("probability").GetDouble()));
        Assert.Equal("""{"symbol":"BTC-USD","interval":"1m"}""", _ai.Received.Single(r => r.Path == "/api/predict-trend").Body);

        using var failed = await client.PostJsonTextAsync("/api/infer/forecast/nbeats/batch", """{"items":[]}""");
        var unavailable = await Envelope.AssertErrorAsync(failed, 503, "SERVICE_UNAVAILABLE_ERROR");
        Assert.DoesNotContain("Secret", unavailable.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_traders_start_training_strangers_are_refused_before_the_AiService_and_an_absent_AiService_is_a_503()
    {
        var (_, viewer) = await _factory.CreateUserWithClientAsync(Roles.Viewer);
        await Envelope.AssertErrorAsync(await viewer.PostJsonTextAsync("/api/training/start", "{}"), 403, "AUTHORIZATION_ERROR");
        using var anonymous = _factory.CreateClient();
        await Envelope.AssertErrorAsync(await anonymous.PostJsonTextAsync("/api/infer/forecast/nbeats", "{}"), 401, "AUTHENTICATION_ERROR");
        Assert.DoesNotContain(_ai.Received, r => r.Path.StartsWith("/api/", StringComparison.Ordinal) && r.Body == "{}");

        await using var alone = await ApiFactory.StartAsync(infrastructure, overrides: [("services:ai:http:0", $"http://127.0.0.1:{ClosedPort.Next()}")]);
        var (_, trader) = await alone.CreateUserWithClientAsync(Roles.Trader);
        using var down = await trader.PostJsonTextAsync("/api/training/start", "{}");
        await Envelope.AssertErrorAsync(down, 503, "SERVICE_UNAVAILABLE_ERROR");
        Assert.Equal("5", Assert.Single(down.Headers.GetValues("Retry-After")));
    }
}
