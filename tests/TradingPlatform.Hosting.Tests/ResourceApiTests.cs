using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingPlatform.Hosting.Dashboard;
using TradingPlatform.Hosting.Orchestration;
using TradingPlatform.Hosting.ResourceApi;
using TradingPlatform.Hosting.Testing;

namespace TradingPlatform.Hosting.Tests;

/// <summary>The resource API over a real Kestrel server, in front of a real AppHost running a redis.</summary>
public sealed class ResourceApiTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private const string Key = "resource-api-test-key-0123456789";

    private DistributedApplication _app = null!;
    private WebApplication _web = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRedis("cache");
        _app = builder.Build();
        await _app.StartAsync();
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("cache").WaitAsync(Timeout);

        var web = WebApplication.CreateSlimBuilder();
        web.WebHost.UseUrls("http://127.0.0.1:0");
        web.Logging.ClearProviders();
        web.Services.AddSingleton(_app.ResourceNotifications);
        web.Services.AddSingleton(_app.Services.GetRequiredService<ResourceCommandService>());
        web.Services.AddSingleton(new DashboardSettings(new Uri("http://127.0.0.1:1"), new Uri("http://127.0.0.1:2"),
            new Uri("http://127.0.0.1:3"), "browser-token", Key, null));
        _web = web.Build();
        _web.MapResourceApi();
        await _web.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_web.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _web.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    [InlineData("Basic " + Key)]
    public async Task Requests_without_the_key_are_401_with_the_error_envelope(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/resources");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _client.SendAsync(request);

        var error = await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.DoesNotContain(Key, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_shows_each_resource_with_its_state_and_commands()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/resources");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(body.GetProperty("success").GetBoolean());
        var cache = Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.Equal("cache", cache.GetProperty("name").GetString());
        Assert.Equal("Redis", cache.GetProperty("type").GetString());
        Assert.Equal("Running", cache.GetProperty("state").GetString());
        Assert.Equal("Healthy", cache.GetProperty("health").GetString());
        Assert.Equal(_app.ResourceNotifications.Get("cache")!.ProcessId, cache.GetProperty("pid").GetInt32());
        Assert.Equal(["stop", "restart"], cache.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0, cache.GetProperty("restarts").GetInt32());
        Assert.True(cache.TryGetProperty("startedAt", out _));
        Assert.True(cache.TryGetProperty("source", out _));
        Assert.True(cache.TryGetProperty("urls", out _));

        using var missing = await SendAsync(HttpMethod.Get, "/api/resources/nothing");
        await AssertErrorAsync(missing, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
    }

    [Fact]
    public async Task Commands_act_on_the_resource_and_wrong_ones_are_400_or_409()
    {
        var before = _app.ResourceNotifications.Get("cache")!.ProcessId;

        using var restart = await SendAsync(HttpMethod.Post, "/api/resources/cache/commands/restart");
        var body = JsonDocument.Parse(await restart.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, restart.StatusCode);
        Assert.Equal("restart", body.GetProperty("data").GetProperty("command").GetString());
        Assert.Equal("cache", body.GetProperty("data").GetProperty("resource").GetProperty("name").GetString());
        var after = await _app.ResourceNotifications.WaitForResourceHealthyAsync("cache").WaitAsync(Timeout);
        Assert.NotEqual(before, after.ProcessId);

        using var unknown = await SendAsync(HttpMethod.Post, "/api/resources/cache/commands/reboot");
        await AssertErrorAsync(unknown, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        using var start = await SendAsync(HttpMethod.Post, "/api/resources/cache/commands/start");
        await AssertErrorAsync(start, HttpStatusCode.Conflict, "CONFLICT_ERROR");
        using var missing = await SendAsync(HttpMethod.Post, "/api/resources/nothing/commands/stop");
        await AssertErrorAsync(missing, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");

        using var stop = await SendAsync(HttpMethod.Post, "/api/resources/cache/commands/Stop");
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        using var one = await SendAsync(HttpMethod.Get, "/api/resources/cache");
        var cache = JsonDocument.Parse(await one.Content.ReadAsStringAsync()).RootElement.GetProperty("data");
        Assert.Equal("Exited", cache.GetProperty("state").GetString());
        Assert.Equal(["start", "restart"], cache.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return _client.SendAsync(request);
    }

    private static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.Equal(code, body.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetProperty("message").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("traceId").GetString()));
        Assert.True(body.TryGetProperty("timestamp", out _));
        return text;
    }
}
