using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AppHost.ResourceApi;

namespace TradingPlatform.AppHost.Tests;

/// <summary>The AppHost's resource API over Aspire's notification and command services, with its key and envelope.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ResourceApiTests(AppHostFixture fixture) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(150);
    private readonly HttpClient _client = CreateClient(fixture);

    [Fact]
    public async Task Without_the_key_or_with_a_wrong_one_every_route_answers_401_with_the_envelope()
    {
        using var anonymous = new HttpClient { BaseAddress = _client.BaseAddress };
        using var none = await anonymous.GetAsync(new Uri("/api/resources", UriKind.Relative));
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");
        using var wrong = await anonymous.PostAsync(new Uri("/api/resources/worker/commands/restart", UriKind.Relative), null);

        foreach (var response in new[] { none, wrong })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(body.GetProperty("success").GetBoolean());
            Assert.Equal("AUTHENTICATION_ERROR", body.GetProperty("error").GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task The_list_has_every_resource_with_state_health_and_commands_but_no_parameters()
    {
        await fixture.WaitForAsync("api", AppHostFixture.IsHealthyAndRunning, Timeout);
        var resources = (await _client.GetFromJsonAsync<JsonElement>("/api/resources")).GetProperty("data").EnumerateArray().ToList();
        var names = resources.Select(r => r.GetProperty("name").GetString()).ToList();

        Assert.All(AppHostFixture.AllResources, name => Assert.Contains(name, names));
        Assert.DoesNotContain(names, n => n!.EndsWith("-password", StringComparison.Ordinal) || n == "jwt-signing-key");
        var api = resources.Single(r => r.GetProperty("name").GetString() == "api");
        Assert.Equal("Running", api.GetProperty("state").GetString());
        Assert.Equal("Healthy", api.GetProperty("health").GetString());
        Assert.True(api.GetProperty("pid").GetInt32() > 0);
        Assert.Contains("restart", api.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain("start", api.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Unknown_resources_unknown_commands_unsupported_and_ill_timed_commands_are_4xx_with_a_reason()
    {
        await fixture.WaitForAsync("worker", AppHostFixture.IsHealthyAndRunning, Timeout);
        await AssertProblemAsync("/api/resources/nobody/commands/restart", HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
        await AssertProblemAsync("/api/resources/worker/commands/explode", HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await AssertProblemAsync("/api/resources/tradingdb/commands/restart", HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await AssertProblemAsync("/api/resources/worker/commands/start", HttpStatusCode.Conflict, "CONFLICT_ERROR");
    }

    [Fact]
    public async Task A_stopped_worker_stays_stopped_until_started_and_then_runs_healthy_as_a_new_process()
    {
        var before = ServerProcess.ProcessId(await fixture.WaitForAsync("worker",
            s => AppHostFixture.IsHealthyAndRunning(s) && ServerProcess.ProcessId(s) is not null, Timeout));

        using var stop = await _client.PostAsync(new Uri("/api/resources/worker/commands/stop", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        await fixture.WaitForAsync("worker", s => s.State?.Text is "Exited" or "Finished", Timeout);

        // A stop someone asked for is no crash: nothing restarts it, and the api reports it as not running.
        var stopped = (await _client.GetFromJsonAsync<JsonElement>("/api/resources/worker")).GetProperty("data");
        Assert.NotEqual("Running", stopped.GetProperty("state").GetString());
        Assert.Contains("start", stopped.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));

        using var start = await _client.PostAsync(new Uri("/api/resources/worker/commands/start", UriKind.Relative), null);
        Assert.True(start.StatusCode == HttpStatusCode.OK, await start.Content.ReadAsStringAsync());
        var data = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
        Assert.Equal("worker restarted and is healthy", data.GetProperty("message").GetString());
        Assert.NotEqual(before, data.GetProperty("resource").GetProperty("pid").GetInt32());
    }

    private async Task AssertProblemAsync(string path, HttpStatusCode status, string code)
    {
        using var response = await _client.PostAsync(new Uri(path, UriKind.Relative), null);
        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, body.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetProperty("message").GetString()));
    }

    private static HttpClient CreateClient(AppHostFixture fixture)
    {
        var settings = fixture.App.Services.GetRequiredService<ResourceApiSettings>();
        var client = new HttpClient { BaseAddress = settings.Url, Timeout = Timeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.Key);
        return client;
    }

    public void Dispose() => _client.Dispose();
}
