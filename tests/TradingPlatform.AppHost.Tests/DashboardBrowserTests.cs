using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Dashboard;

namespace TradingPlatform.AppHost.Tests;

/// <summary>
/// The dashboard in a real browser (Debian's Chromium, headless, driven by Playwright) against the whole stack: log in
/// with the printed token, every resource running and healthy, the api's console, a structured log entry, a trace
/// across the api and the ai service, and restarting the worker from the page. Also takes the README's screenshot.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class DashboardBrowserTests(AppHostFixture fixture)
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task An_operator_logs_in_sees_every_resource_healthy_reads_console_logs_and_a_cross_service_trace_and_restarts_the_worker()
    {
        var app = fixture.App;
        var settings = app.Services.GetRequiredService<DashboardSettings>();
        Assert.Contains(app.ResourceLogs.GetLines("apphost"), l => l.Contains(settings.LoginUrl.ToString(), StringComparison.Ordinal));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 } });
        page.SetDefaultTimeout((float)Timeout.TotalMilliseconds);

        // Log in with the printed URL: the dashboard lands on the resources page.
        await page.GotoAsync(settings.LoginUrl.ToString());
        await page.WaitForURLAsync(u => u.EndsWith("/resources", StringComparison.Ordinal));
        foreach (var resource in AppHostFixture.AllResources)
        {
            var row = page.Locator($"tr[data-resource=\"{resource}\"]");
            await Assertions.Expect(row.Locator(".state-cell")).ToHaveTextAsync("Running");
            await Assertions.Expect(row.Locator(".health-cell")).ToContainTextAsync("Healthy");
        }

        await page.ScreenshotAsync(new() { Path = ScreenshotPath(), FullPage = true });

        // The api's details: its own health report's checks, and its environment with the secrets masked.
        await page.Locator("tr[data-resource=\"api\"] td a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#health-reports tr.health-check", new() { HasTextString = "tradingdb" })).ToContainTextAsync("Healthy");
        await Assertions.Expect(page.Locator("#environment")).ToContainTextAsync("OTEL_EXPORTER_OTLP_ENDPOINT");
        Assert.DoesNotContain(((ParameterResource)app.Model.Find("jwt-signing-key")!).Value, await page.ContentAsync(), StringComparison.Ordinal);

        // The api's console, opened from its row.
        await page.Locator("tr[data-resource=\"api\"] a", new() { HasTextString = "Console" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/console?resource=api", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#console .line").First).ToBeVisibleAsync();

        // One request that crosses the api and the ai service: the system status asks every sibling.
        await RequestSystemStatusAsync(app);
        await page.GotoAsync(new Uri(settings.DashboardUrl, "/traces?resource=api&q=status").ToString());
        var trace = page.Locator("tr.trace[data-resources~=\"api\"][data-resources~=\"ai\"]").First;
        await trace.WaitForAsync();
        await trace.Locator("a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#waterfall tr.span[data-resource=\"api\"]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#waterfall tr.span[data-resource=\"ai\"]").First).ToBeVisibleAsync();

        // Structured logs of the api, each linked to its trace.
        await page.GotoAsync(new Uri(settings.DashboardUrl, "/structuredlogs?resource=api").ToString());
        await Assertions.Expect(page.Locator("tr.log-entry[data-resource=\"api\"]").First).ToBeVisibleAsync();

        // Restart the worker from the page; it comes back as a new process and healthy.
        var before = app.ResourceNotifications.Get("worker")!.ProcessId;
        await page.GotoAsync(new Uri(settings.DashboardUrl, "/resources").ToString());
        await page.Locator("tr[data-resource=\"worker\"] button[data-command=\"restart\"]").ClickAsync();
        await Assertions.Expect(page.Locator(".message")).ToContainTextAsync("restart worker");
        using var timeout = new CancellationTokenSource(Timeout);
        var after = await app.ResourceNotifications.WaitForResourceAsync("worker", s => s.IsHealthy && s.ProcessId != before, timeout.Token);
        await page.GotoAsync(new Uri(settings.DashboardUrl, "/resources").ToString());
        var worker = page.Locator("tr[data-resource=\"worker\"]");
        await Assertions.Expect(worker.Locator(".health-cell")).ToContainTextAsync("Healthy");
        await Assertions.Expect(worker).ToContainTextAsync(after.ProcessId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task RequestSystemStatusAsync(Hosting.DistributedApplication app)
    {
        using var client = app.CreateHttpClient("api");
        await AdminLogin.AuthorizeAsync(app, client);
        using var status = await client.GetAsync(new Uri("/api/status", UriKind.Relative));
        status.EnsureSuccessStatusCode();
    }

    /// <summary>The README's screenshot, refreshed by every run of this test.</summary>
    private static string ScreenshotPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TradingPlatform.sln")))
        {
            directory = directory.Parent;
        }

        var docs = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "docs");
        Directory.CreateDirectory(docs);
        return Path.Combine(docs, "dashboard-resources.png");
    }
}
