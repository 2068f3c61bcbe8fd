using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TradingPlatform.AppHost.Tests;

/// <summary>Seed 003's component status and restart through the real chain: api → the AppHost's resource API → Aspire.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ComponentRestartThroughAppHostTests(AppHostFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task An_admin_restarts_the_worker_through_the_api_and_it_comes_back_healthy_as_a_new_process()
    {
        var before = ServerProcess.ProcessId(await fixture.WaitForAsync("worker",
            s => AppHostFixture.IsHealthyAndRunning(s) && ServerProcess.ProcessId(s) is not null, Timeout));
        await fixture.WaitForAsync("api", AppHostFixture.IsHealthyAndRunning, Timeout);
        using var client = fixture.App.CreateHttpClient("api");
        client.Timeout = Timeout;
        await AdminLogin.AuthorizeAsync(fixture.App, client);

        using var restart = await client.PostAsync(new Uri("/api/components/worker/restart", UriKind.Relative), null);

        Assert.True(restart.StatusCode == HttpStatusCode.OK, await restart.Content.ReadAsStringAsync());
        var after = await fixture.WaitForAsync("worker",
            s => AppHostFixture.IsHealthyAndRunning(s) && ServerProcess.ProcessId(s) is { } p && p != before, Timeout);

        using var status = await client.GetAsync(new Uri("/api/status", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var components = (await status.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("components");
        var worker = components.EnumerateObject().Single(c => c.Value.TryGetProperty("appHost", out var h) && h.GetProperty("resource").GetString() == "worker");
        Assert.Equal(ServerProcess.ProcessId(after), worker.Value.GetProperty("appHost").GetProperty("pid").GetInt32());
        Assert.True(worker.Value.GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task Status_shows_every_resource_of_the_AppHost_with_its_state_and_health()
    {
        await fixture.WaitForAsync("api", AppHostFixture.IsHealthyAndRunning, Timeout);
        using var client = fixture.App.CreateHttpClient("api");
        await AdminLogin.AuthorizeAsync(fixture.App, client);

        using var status = await client.GetAsync(new Uri("/api/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var body = await status.Content.ReadAsStringAsync();
        foreach (var resource in new[] { "postgres", "tradingdb", "cache", "messaging", "api", "ai", "worker" })
        {
            Assert.Contains($"\"resource\":\"{resource}\"", body, StringComparison.Ordinal);
        }
    }
}
