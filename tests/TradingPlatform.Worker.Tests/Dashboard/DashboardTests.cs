using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;
using TradingPlatform.Testing;
using TradingPlatform.Worker.Tests.Support;

namespace TradingPlatform.Worker.Tests.Dashboard;

/// <summary>
/// The Hangfire dashboard at /hangfire, for admins only, on the Api's access tokens: 401 without a valid token (none,
/// forged, expired), 403 for a trader or viewer, 200 for an admin by header or by the cookie that
/// <c>?access_token=</c> sets.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class DashboardTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private WorkerFactory _worker = null!;

    public Task InitializeAsync()
    {
        _worker = new WorkerFactory(infrastructure);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _worker.DisposeAsync();

    /// <summary>No redirects followed and no cookie jar: the tests read and send headers themselves.</summary>
    private HttpClient RawClient() => _worker.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? bearer = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Anonymous_is_401_with_how_to_sign_in()
    {
        using var client = RawClient();

        using var response = await GetAsync(client, "/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("access_token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("trader")]
    [InlineData("viewer")]
    public async Task A_trader_or_viewer_token_is_403(string role)
    {
        using var client = RawClient();

        using var response = await GetAsync(client, "/hangfire", bearer: TestTokens.Mint(_worker.SigningKey, role));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        using var client = RawClient();
        var forged = TestTokens.Mint(System.Security.Cryptography.RandomNumberGenerator.GetHexString(64), "admin");

        using var response = await GetAsync(client, "/hangfire", bearer: forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_admin_token_is_401()
    {
        using var client = RawClient();

        using var response = await GetAsync(client, "/hangfire", bearer: TestTokens.Expired(_worker.SigningKey, "admin"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_token_in_the_authorization_header_opens_the_dashboard()
    {
        using var client = RawClient();
        var admin = TestTokens.Mint(_worker.SigningKey, "admin");

        using var home = await GetAsync(client, "/hangfire", bearer: admin);
        using var enqueued = await GetAsync(client, "/hangfire/jobs/enqueued", bearer: admin);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);
        Assert.Contains("TradingPlatform jobs", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, enqueued.StatusCode);
    }

    [Fact]
    public async Task Signing_in_with_access_token_sets_a_strict_http_only_cookie_and_redirects_without_the_token_and_the_cookie_then_works()
    {
        using var client = RawClient();
        var admin = TestTokens.Mint(_worker.SigningKey, "admin", TimeSpan.FromMinutes(10));

        using var signIn = await GetAsync(client, $"/hangfire/jobs/enqueued?access_token={admin}&from=5");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/hangfire/jobs/enqueued?from=5", signIn.Headers.Location?.OriginalString);
        var cookie = SetCookieHeaderValue.ParseList(signIn.Headers.GetValues("Set-Cookie").ToList()).Single();
        Assert.Equal("hangfire_access_token", cookie.Name.ToString());
        Assert.Equal(admin, cookie.Value.ToString());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
        Assert.Equal("/hangfire", cookie.Path.ToString());
        Assert.NotNull(cookie.Expires);
        Assert.InRange(cookie.Expires.Value, DateTimeOffset.UtcNow.AddMinutes(9), DateTimeOffset.UtcNow.AddMinutes(11));

        using var home = await GetAsync(client, "/hangfire", cookie: $"{cookie.Name}={cookie.Value}");
        using var page = await GetAsync(client, signIn.Headers.Location!.OriginalString, cookie: $"{cookie.Name}={cookie.Value}");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_browser_follows_the_sign_in_redirect_and_keeps_the_cookie()
    {
        using var browser = _worker.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });

        using var signIn = await browser.GetAsync(new Uri($"/hangfire?access_token={TestTokens.Mint(_worker.SigningKey, "admin")}", UriKind.Relative));
        using var later = await browser.GetAsync(new Uri("/hangfire/servers", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("/hangfire", signIn.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.DoesNotContain("access_token", signIn.RequestMessage?.RequestUri?.Query ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task A_trader_signing_in_gets_403_and_no_cookie()
    {
        using var client = RawClient();

        using var response = await GetAsync(client, $"/hangfire?access_token={TestTokens.Mint(_worker.SigningKey, "trader")}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task An_expired_cookie_is_401_and_deleted()
    {
        using var client = RawClient();

        using var response = await GetAsync(client, "/hangfire", cookie: $"hangfire_access_token={TestTokens.Expired(_worker.SigningKey, "admin")}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var cookie = SetCookieHeaderValue.ParseList(response.Headers.GetValues("Set-Cookie").ToList()).Single();
        Assert.Equal("hangfire_access_token", cookie.Name.ToString());
        Assert.Equal("", cookie.Value.ToString());
        Assert.True(cookie.Expires < DateTimeOffset.UtcNow);
        Assert.Equal("/hangfire", cookie.Path.ToString());
    }

    [Fact]
    public async Task Without_a_signing_key_the_dashboard_refuses_even_an_admin()
    {
        await using var unconfigured = new WorkerFactory(infrastructure, overrides: ("Jwt:SigningKey", ""));
        using var client = unconfigured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await GetAsync(client, "/hangfire", bearer: TestTokens.Mint(unconfigured.SigningKey, "admin"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Jwt:SigningKey", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
