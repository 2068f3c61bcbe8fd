using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TradingPlatform.AppHost.ProcessTests;

/// <summary>
/// The Aspire dashboard of a real AppHost run, in a real browser (Debian's Chromium, headless, driven by Playwright):
/// log in with the token URL the AppHost prints; every resource Running and Healthy; the api's console output; a
/// structured log entry of the api; a trace of one request that crosses api and ai; restarting the worker from its
/// actions menu gives a new, healthy process. Also refreshes the README's screenshot, docs/dashboard-resources.png.
/// The dashboard is a Blazor Server app: every step waits for what it expects to appear (Expect retries), never a delay.
/// </summary>
public sealed partial class DashboardBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static readonly string[] AllResources = ["postgres", "tradingdb", "cache", "messaging", "messaging-epmd", "api", "ai", "worker"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan UiTimeout = TimeSpan.FromSeconds(90);

    private readonly string _dataPath = TestFolders.Create();
    private AppHostProcess? _host;

    [Fact]
    public async Task An_operator_logs_in_sees_every_resource_healthy_reads_logs_and_a_cross_service_trace_and_restarts_the_worker()
    {
        _host = AppHostProcess.Start(_dataPath, durableData: false);
        var services = await _host.WaitForServicesAsync(StartTimeout);
        output.WriteLine($"services healthy: {string.Join(", ", services.Select(s => $"{s.Key} {s.Value}"))}; dashboard {_host.DashboardLoginUrl?.GetLeftPart(UriPartial.Authority)}");
        var login = _host.DashboardLoginUrl!;
        var dashboard = new Uri(login.GetLeftPart(UriPartial.Authority));
        Assert.Matches(@"^/login\?t=[0-9a-f]+$", login.PathAndQuery);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 } });
        page.SetDefaultTimeout((float)UiTimeout.TotalMilliseconds);
        SetDefaultExpectTimeout((float)UiTimeout.TotalMilliseconds);
        try
        {
            await OperateAsync(_host, page, login, dashboard, services);
        }
        catch
        {
            await ReportPageAsync(page);
            throw;
        }
    }

    private async Task OperateAsync(AppHostProcess host, IPage page, Uri login, Uri dashboard, IReadOnlyDictionary<string, Uri> services)
    {
        // The printed URL logs in (its token becomes a cookie) and lands on the resources page.
        await page.GotoAsync(login.ToString());
        await page.WaitForURLAsync(new Uri(dashboard, "/").ToString());

        // Every resource Running, and Healthy in its details.
        foreach (var name in AllResources)
        {
            var row = ResourceRow(page, name);
            await Expect(row.Locator("td[col-index='2']")).ToHaveAttributeAsync("title", "Running");
            await ClickUntilAsync(row.Locator(".resource-name-text"), t => Expect(PropertyWithValue(page, "Display name", name)).ToBeVisibleAsync(new() { Timeout = t }));
            await Expect(Property(page, "State")).ToHaveAttributeAsync("title", "Running");
            await Expect(Property(page, "Health state")).ToHaveAttributeAsync("title", "Healthy");
        }

        await TakeResourcesScreenshotAsync(page, dashboard);

        // The api's console: its own output. Opened by its address, not from the row's "Console logs" button: the
        // dashboard renders that button only while it judges the viewport a desktop one (its ViewportInformation,
        // reported by the browser's script), and in one CI run the button never appeared within 90 s.
        await page.GotoAsync(new Uri(dashboard, "/consolelogs/resource/api").ToString());
        await Expect(page.Locator(".log-content", new() { HasTextRegex = NowListeningLine() }).First).ToBeVisibleAsync();

        // A structured log entry of the api, with its message template's property.
        await page.GotoAsync(new Uri(dashboard, "/structuredlogs/resource/api").ToString());
        await page.Locator("input[type=search]").First.FillAsync("Now listening on");
        var entry = page.Locator("tr", new() { HasTextString = "Now listening on" }).First;
        await Expect(entry).ToContainTextAsync("api");
        await ClickUntilAsync(entry.Locator("td", new() { HasTextString = "Now listening on" }), t => Expect(Property(page, "address")).ToBeVisibleAsync(new() { Timeout = t }));
        await Expect(Property(page, "address")).ToHaveAttributeAsync("title", LocalUrl());
        await Expect(Property(page, "Category")).ToHaveAttributeAsync("title", "Microsoft.Hosting.Lifetime");

        // One request that crosses api and ai: /api/status asks the ai service for its info and its GPUs. Sent in a
        // trace of our own, so the dashboard's trace is certainly this request's.
        var traceId = TradingApi.NewTraceId();
        using (var api = new TradingApi(services["api"]))
        {
            var (email, password) = TradingApi.NewTrader();
            await api.RegisterAsync(email, password);
            await api.GetStatusAsync(await api.LoginAsync(email, password), traceId);
        }

        await page.GotoAsync(new Uri(dashboard, "/traces").ToString());
        await page.Locator("input[name=traces-search]").FillAsync("/api/status");
        var trace = page.Locator("tr", new() { HasTextString = traceId[..7] }).First;
        await Expect(trace).ToContainTextAsync("GET /api/status");
        await Expect(trace).ToContainTextAsync(SpansOf("api"));
        await Expect(trace).ToContainTextAsync(SpansOf("ai"));
        await ClickUntilAsync(trace.Locator("td", new() { HasTextString = "GET /api/status" }),
            t => Expect(page).ToHaveURLAsync(new Uri(dashboard, $"/traces/detail/{traceId}").ToString(), new() { Timeout = t }));
        await Expect(page.Locator("td[title='api: GET /api/status']")).ToBeVisibleAsync();
        await Expect(page.Locator("td[title='ai: GET /api/system/gpus']")).ToBeVisibleAsync();
        await Expect(page.Locator("td[title='ai: GET /_system/info']")).ToBeVisibleAsync();

        // Restart the worker from its actions menu: a new process, Running and Healthy again.
        await page.GotoAsync(new Uri(dashboard, "/").ToString());
        var worker = ResourceRow(page, "worker");
        await ClickUntilAsync(worker.Locator(".resource-name-text"), t => Expect(PropertyWithValue(page, "Display name", "worker")).ToBeVisibleAsync(new() { Timeout = t }));
        var before = int.Parse((await Property(page, "Process ID").GetAttributeAsync("title"))!, CultureInfo.InvariantCulture);
        Assert.Contains(host.Processes(), p => p.Pid == before && p.Kind == "worker");

        var restart = page.GetByRole(AriaRole.Menuitem, new() { Name = "Restart", Exact = true });
        await ClickUntilAsync(worker.GetByRole(AriaRole.Button, new() { Name = "Actions", Exact = true }), t => Expect(restart).ToBeVisibleAsync(new() { Timeout = t }));
        await restart.ClickAsync(); // once: a second click would be a second restart
        await Expect(Property(page, "Process ID")).Not.ToHaveAttributeAsync("title", before.ToString(CultureInfo.InvariantCulture));
        await Expect(Property(page, "State")).ToHaveAttributeAsync("title", "Running");
        await Expect(Property(page, "Health state")).ToHaveAttributeAsync("title", "Healthy");
        var after = int.Parse((await Property(page, "Process ID").GetAttributeAsync("title"))!, CultureInfo.InvariantCulture);
        output.WriteLine($"worker restarted from the dashboard: process {before} -> {after}");

        // The same from outside the browser: the old process is gone, the new one is this run's worker, it answers
        // /health, and the AppHost announced the worker healthy a second time.
        Assert.DoesNotContain(host.Processes(), p => p.Pid == before);
        Assert.Contains(host.Processes(), p => p.Pid == after && p.Kind == "worker");
        await Poll.UntilAsync(() => Task.FromResult(host.Announcements("worker")), n => n >= 2, UiTimeout, "the AppHost's second 'worker is running and healthy'");
        Assert.True(await TradingApi.IsHealthyAsync(host.ServiceUrls["worker"]), "the restarted worker's /health");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        TestFolders.Delete(_dataPath);
    }

    /// <summary>
    /// What the browser showed when a step failed: its address and the visible text, in the test's output (which CI
    /// prints), and a screenshot beside the test results.
    /// </summary>
    private async Task ReportPageAsync(IPage page)
    {
        try
        {
            output.WriteLine($"failed at {page.Url}; the page read:");
            output.WriteLine(await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 }));
            var path = Path.Combine(AppHostLocation.RepositoryRoot, ".artifacts", "test-results", "dashboard-failure.png");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await page.ScreenshotAsync(new() { Path = path, FullPage = true });
            output.WriteLine($"screenshot: {path}");
        }
        catch (PlaywrightException ex)
        {
            output.WriteLine($"the page could not be read: {ex.Message}");
        }
    }

    /// <summary>The README's screenshot: the resources page, all Running, without the plain-http certificate notice.</summary>
    private static async Task TakeResourcesScreenshotAsync(IPage page, Uri dashboard)
    {
        await page.GotoAsync(new Uri(dashboard, "/").ToString());
        foreach (var name in AllResources)
        {
            await Expect(ResourceRow(page, name).Locator("td[col-index='2']")).ToHaveAttributeAsync("title", "Running");
        }

        var dismiss = page.Locator(".dashboard-message-bar-dismiss");
        for (var shown = await dismiss.CountAsync(); shown > 0; shown--)
        {
            await dismiss.First.ClickAsync();
            await Expect(dismiss).ToHaveCountAsync(shown - 1);
        }

        var path = Path.Combine(AppHostLocation.RepositoryRoot, "docs", "dashboard-resources.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path });
    }

    /// <summary>
    /// Clicks, then waits a few seconds for the click's effect, and clicks again if it did not come, until
    /// <see cref="UiTimeout"/>. The dashboard re-renders its live grids whenever a resource, a log or a trace changes,
    /// and a click that lands while its row is being replaced is lost (seen once in the traces grid).
    /// </summary>
    private static async Task ClickUntilAsync(ILocator target, Func<float, Task> waitForEffect)
    {
        const float Attempt = 5_000;
        var deadline = DateTime.UtcNow + UiTimeout;
        while (true)
        {
            try
            {
                await target.ClickAsync(new() { Timeout = Attempt });
            }
            // The target is gone when an earlier click's effect came after its wait ended (a navigation away from the
            // row, seen in CI): the effect is checked below either way.
            catch (Exception ex) when (IsTimeout(ex) && DateTime.UtcNow < deadline)
            {
            }

            try
            {
                await waitForEffect(Attempt);
                return;
            }
            catch (Exception ex) when (IsTimeout(ex) && DateTime.UtcNow < deadline)
            {
            }
        }
    }

    /// <summary>Expect's failures are PlaywrightExceptions; a click or a wait for a URL past its timeout throws System.TimeoutException.</summary>
    private static bool IsTimeout(Exception ex) => ex is PlaywrightException or System.TimeoutException;

    /// <summary>A row of the resources grid, by the resource's exact name.</summary>
    private static ILocator ResourceRow(IPage page, string name) =>
        page.Locator("tr.resource-row", new()
        {
            Has = page.Locator(".resource-name-text", new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(name)}\\s*$") }),
        });

    /// <summary>A value in a details panel's property grid (resource details, log entry details), by its name.</summary>
    private static ILocator Property(IPage page, string name) =>
        page.Locator("tr", new() { Has = page.Locator($"td.nameColumn .grid-value[title='{name}']") }).Locator("td.valueColumn .grid-value");

    /// <summary>That value when it is <paramref name="value"/> (the details panel shows the selected resource).</summary>
    private static ILocator PropertyWithValue(IPage page, string name, string value) =>
        page.Locator("tr", new() { Has = page.Locator($"td.nameColumn .grid-value[title='{name}']") })
            .Locator($"td.valueColumn .grid-value[title='{value}']");

    /// <summary>The traces grid's span count badge of a resource: "api (9)".</summary>
    private static Regex SpansOf(string resource) => new($"(^|\\s){Regex.Escape(resource)} \\(\\d+\\)");

    [GeneratedRegex(@"Now listening on: http://localhost:\d+")]
    private static partial Regex NowListeningLine();

    [GeneratedRegex(@"^http://localhost:\d+$")]
    private static partial Regex LocalUrl();
}
