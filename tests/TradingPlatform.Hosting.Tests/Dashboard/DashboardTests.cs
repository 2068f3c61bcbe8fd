using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Hosting.Dashboard;
using TradingPlatform.Hosting.Testing;

namespace TradingPlatform.Hosting.Tests.Dashboard;

/// <summary>The dashboard's web server over real HTTP: token login, the pages, secrets masked, console lines.</summary>
public sealed class DashboardTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_dashboard_needs_the_token_and_then_shows_every_resource_with_its_state_and_console()
    {
        var builder = DistributedApplicationTestingBuilder.Create(o => o.DisableDashboard = false);
        builder.AddRedis("cache");
        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(Timeout);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("cache", timeout.Token);
        var settings = app.Services.GetRequiredService<DashboardSettings>();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var client = new HttpClient(handler) { BaseAddress = settings.DashboardUrl };

        using (var anonymous = await client.GetAsync(new Uri("/resources", UriKind.Relative), timeout.Token))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using (var forged = await client.GetAsync(new Uri("/login?t=not-the-token", UriKind.Relative), timeout.Token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        using (var api = await client.GetAsync(new Uri("/api/telemetry/logs", UriKind.Relative), timeout.Token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
            Assert.Contains("AUTHENTICATION_ERROR", await api.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
        }

        using (var login = await client.GetAsync(settings.LoginUrl, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase)
                && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase) && !c.Contains(settings.BrowserToken, StringComparison.Ordinal));
        }

        var page = await client.GetStringAsync(new Uri("/resources?resource=cache", UriKind.Relative), timeout.Token);
        var pid = app.ResourceNotifications.Get("cache")!.ProcessId!.Value;
        Assert.Contains("data-resource=\"cache\"", page, StringComparison.Ordinal);
        Assert.Contains(">Running<", page, StringComparison.Ordinal);
        Assert.Contains(">Healthy<", page, StringComparison.Ordinal);
        Assert.Contains($">{pid}<", page, StringComparison.Ordinal);
        Assert.Contains("id=\"environment\"", page, StringComparison.Ordinal);

        var console = await client.GetStringAsync(new Uri("/console?resource=cache", UriKind.Relative), timeout.Token);
        var line = app.ResourceLogs.GetLines("cache")[^1];
        Assert.Contains(System.Net.WebUtility.HtmlEncode(line), console, StringComparison.Ordinal);

        using var partial = new HttpRequestMessage(HttpMethod.Get, new Uri("/resources", UriKind.Relative));
        partial.Headers.Add("X-Partial", "1");
        using var partialResponse = await client.SendAsync(partial, timeout.Token);
        var fragment = await partialResponse.Content.ReadAsStringAsync(timeout.Token);
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
        Assert.Contains("id=\"resources\"", fragment, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POSTGRES_PASSWORD", "s3cret", "••••••••")]
    [InlineData("Jwt__SigningKey", "abc", "••••••••")]
    [InlineData("ConnectionStrings__tradingdb", "Host=localhost;Port=5432;Username=postgres;Password=s3cret;Database=t", "Host=localhost;Port=5432;Username=postgres;Password=••••••••;Database=t")]
    [InlineData("ConnectionStrings__cache", "localhost:6379,password=s3cret", "localhost:6379,password=••••••••")]
    [InlineData("ConnectionStrings__messaging", "amqp://guest:s3cret@localhost:5672", "amqp://guest:••••••••@localhost:5672")]
    [InlineData("ASPNETCORE_URLS", "http://localhost:8000", "http://localhost:8000")]
    public void Secrets_are_masked_before_they_reach_the_page(string name, string value, string shown) =>
        Assert.Equal(shown, SecretMasker.MaskValue(name, value));
}
