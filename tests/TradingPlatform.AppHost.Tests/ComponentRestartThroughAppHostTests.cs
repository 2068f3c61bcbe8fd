using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TradingPlatform.AppHost.Tests;

/// <summary>Seed 003's component restart through the real chain: api → the AppHost's resource API → the process.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ComponentRestartThroughAppHostTests(AppHostFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task An_admin_restarts_the_worker_through_the_api_and_it_comes_back_healthy_as_a_new_process()
    {
        var app = fixture.App;
        using var timeout = new CancellationTokenSource(Timeout);
        var before = (await app.ResourceNotifications.WaitForResourceHealthyAsync("worker", timeout.Token)).ProcessId;
        using var client = app.CreateHttpClient("api");
        await AdminLogin.AuthorizeAsync(app, client);

        using var restart = await client.PostAsync(new Uri("/api/components/worker/restart", UriKind.Relative), null, timeout.Token);

        Assert.True(restart.StatusCode == HttpStatusCode.OK, await restart.Content.ReadAsStringAsync(timeout.Token));
        var data = (await restart.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("data");
        Assert.Equal("restarting", data.GetProperty("status").GetString());
        var after = await app.ResourceNotifications.WaitForResourceAsync("worker", s => s.IsHealthy && s.ProcessId != before, timeout.Token);
        Assert.NotEqual(before, after.ProcessId);

        using var status = await client.GetAsync(new Uri("/api/status", UriKind.Relative), timeout.Token);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var components = (await status.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("data").GetProperty("components");
        var worker = components.EnumerateObject().Single(c => c.Value.TryGetProperty("appHost", out var h) && h.GetProperty("resource").GetString() == "worker");
        Assert.Equal(after.ProcessId, worker.Value.GetProperty("appHost").GetProperty("pid").GetInt32());
        Assert.True(worker.Value.GetProperty("running").GetBoolean());
    }
}
