using System.Text.Json;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests;

/// <summary>
/// Seed 003's component restart and the AppHost's resources in <c>/api/status</c>: outside the AppHost (501), and
/// against a stand-in of the AppHost's resource API.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ComponentRestartTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Outside_the_apphost_restart_is_501_with_the_envelope()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure);
        var (_, admin) = await factory.CreateUserWithClientAsync(Roles.Admin);

        using var response = await admin.PostJsonTextAsync("/api/components/worker/restart", "{}");

        var error = await Envelope.AssertErrorAsync(response, 501, "SERVICE_UNAVAILABLE_ERROR");
        Assert.Contains("AppHost", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_may_restart()
    {
        await using var stub = await AppHostResourceApiStub.StartAsync();
        await using var factory = await StartUnderStubAsync(stub);
        var (_, trader) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using var anonymous = factory.CreateClient();

        using var forbidden = await trader.PostJsonTextAsync("/api/components/worker/restart", "{}");
        using var unauthenticated = await anonymous.PostJsonTextAsync("/api/components/worker/restart", "{}");

        await Envelope.AssertErrorAsync(forbidden, 403, "AUTHORIZATION_ERROR");
        await Envelope.AssertErrorAsync(unauthenticated, 401, "AUTHENTICATION_ERROR");
        Assert.Empty(stub.Commands);
    }

    [Fact]
    public async Task Restart_asks_the_apphost_with_its_key_and_answers_in_the_envelope()
    {
        await using var stub = await AppHostResourceApiStub.StartAsync();
        await using var factory = await StartUnderStubAsync(stub);
        var (_, admin) = await factory.CreateUserWithClientAsync(Roles.Admin);

        using var worker = await admin.PostJsonTextAsync("/api/components/worker/restart", "{}");
        using var redis = await admin.PostJsonTextAsync("/api/components/redis/restart", "{}");
        using var unknown = await admin.PostJsonTextAsync("/api/components/mainframe/restart", "{}");
        using var database = await admin.PostJsonTextAsync("/api/components/tradingdb/restart", "{}");

        var body = await worker.Content.ReadAsStringAsync();
        Assert.True(worker.IsSuccessStatusCode, body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.True(json.GetProperty("success").GetBoolean());
        Assert.True(json.TryGetProperty("timestamp", out _));
        var data = json.GetProperty("data");
        Assert.Equal("worker", data.GetProperty("id").GetString());
        Assert.Equal("worker", data.GetProperty("resource").GetString());
        Assert.Equal("restarting", data.GetProperty("status").GetString());
        Assert.Equal("Starting", data.GetProperty("state").GetString());
        Assert.Equal(4242, data.GetProperty("pid").GetInt32());
        Assert.True(redis.IsSuccessStatusCode, await redis.Content.ReadAsStringAsync());
        Assert.Equal(
            [("worker", "restart", $"Bearer {AppHostResourceApiStub.Key}"), ("cache", "restart", $"Bearer {AppHostResourceApiStub.Key}")],
            stub.Commands.Take(2));
        await Envelope.AssertErrorAsync(unknown, 404, "NOT_FOUND_ERROR");
        await Envelope.AssertErrorAsync(database, 400, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Status_shows_the_apphosts_resources_and_a_stopped_one_is_not_running()
    {
        await using var stub = await AppHostResourceApiStub.StartAsync();
        await using var factory = await StartUnderStubAsync(stub);
        var (_, viewer) = await factory.CreateUserWithClientAsync(Roles.Viewer);

        using var response = await viewer.GetAsync("/api/status");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var components = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("components");
        var worker = components.GetProperty("worker");
        Assert.False(worker.GetProperty("running").GetBoolean());
        Assert.Equal("error", worker.GetProperty("status").GetString());
        Assert.Equal("Exited", worker.GetProperty("appHost").GetProperty("state").GetString());
        Assert.Equal("cache", components.GetProperty("redis").GetProperty("appHost").GetProperty("resource").GetString());
        Assert.Equal("database", components.GetProperty("tradingdb").GetProperty("kind").GetString());
        Assert.Equal("ok", components.GetProperty("tradingdb").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_apphost_that_does_not_answer_is_502_and_status_still_answers()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure, overrides:
        [
            ("AppHost:ResourceApiUrl", $"http://127.0.0.1:{ClosedPort.Next()}/api/resources"),
            ("AppHost:ResourceApiKey", "any"),
        ]);
        var (_, admin) = await factory.CreateUserWithClientAsync(Roles.Admin);

        using var restart = await admin.PostJsonTextAsync("/api/components/worker/restart", "{}");
        using var status = await admin.GetAsync("/api/status");

        await Envelope.AssertErrorAsync(restart, 502, "SERVICE_UNAVAILABLE_ERROR");
        Assert.True(status.IsSuccessStatusCode, await status.Content.ReadAsStringAsync());
    }

    private Task<ApiFactory> StartUnderStubAsync(AppHostResourceApiStub stub) =>
        ApiFactory.StartAsync(infrastructure, overrides:
        [
            ("AppHost:ResourceApiUrl", stub.ResourceApiUrl),
            ("AppHost:ResourceApiKey", AppHostResourceApiStub.Key),
        ]);
}
