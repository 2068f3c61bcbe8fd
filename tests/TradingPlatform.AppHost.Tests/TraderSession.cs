using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TradingPlatform.AppHost.Tests;

/// <summary>
/// A trader signed in to the api as a browser or a script would be: registered with a fresh address, its bearer token
/// refreshed through <c>/api/auth/refresh</c> before the 15-minute access token runs out (a whole journey takes longer),
/// and a 429 answered by waiting the <c>Retry-After</c> the api names (polls share the per-user budget of 100 a minute).
/// Every failure message carries the response body.
/// </summary>
internal sealed class TraderSession : IDisposable
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);

    /// <summary>Well inside the access token's 15 minutes.</summary>
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(8);

    private readonly HttpClient _client;
    private string _refreshToken = "";
    private DateTimeOffset _signedInAt;

    private TraderSession(HttpClient client, string email)
    {
        _client = client;
        Email = email;
    }

    public string Email { get; }

    public string UserId { get; private set; } = "";

    /// <summary>POST /api/auth/register with a new address and a strong password, then POST /api/auth/login with them.</summary>
    public static async Task<TraderSession> RegisterAsync(DistributedApplication app)
    {
        var client = app.CreateHttpClient("api");
        client.Timeout = RequestTimeout;
        var session = new TraderSession(client, $"journey-{Guid.NewGuid():N}@tradingplatform.test");
        try
        {
            var password = $"Journey-{Guid.NewGuid():N}-7x";
            using (var registered = await session.SendAsync(HttpMethod.Post, "/api/auth/register",
                new { email = session.Email, password, name = "Journey Trader" }, authenticated: false))
            {
                var user = (await ApiJson.DataAsync(registered, HttpStatusCode.Created)).GetProperty("user");
                Assert.Equal(session.Email, user.GetProperty("email").GetString());
                Assert.Equal("trader", user.GetProperty("role").GetString());
                session.UserId = user.GetProperty("id").GetString()!;
            }

            using var login = await session.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = session.Email, password }, authenticated: false);
            var tokens = await ApiJson.DataAsync(login, HttpStatusCode.OK);
            Assert.Equal(session.UserId, tokens.GetProperty("user").GetProperty("id").GetString());
            session.Use(tokens);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<HttpResponseMessage> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body);

    public Task<HttpResponseMessage> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    /// <summary>GET, expecting 200 with the success envelope; answers the whole body (data, pagination, cursor…).</summary>
    public async Task<JsonElement> GetBodyAsync(string path)
    {
        using var response = await GetAsync(path);
        return await ApiJson.BodyAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Every item of a paginated list (seed 001's <c>pagination</c>), page by page at the largest page size.</summary>
    public async Task<List<JsonElement>> GetAllPagesAsync(string path)
    {
        var items = new List<JsonElement>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var body = await GetBodyAsync($"{path}{separator}page={page}&limit=100");
            var data = body.GetProperty("data").EnumerateArray().ToList();
            items.AddRange(data);
            var pagination = body.GetProperty("pagination");
            if (data.Count == 0 || page >= pagination.GetProperty("totalPages").GetInt64())
            {
                Assert.True(items.Count == pagination.GetProperty("total").GetInt64(),
                    $"GET {path}: {items.Count} items over {page} pages, but pagination.total says {pagination.GetProperty("total")}; last page: {body}");
                return items;
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, bool authenticated = true)
    {
        if (authenticated && DateTimeOffset.UtcNow - _signedInAt > RefreshAfter)
        {
            await RefreshAsync();
        }

        while (true)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            var response = await _client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            // Refused before the endpoint ran, so sending it again is safe whatever the method; the api says when.
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5);
            response.Dispose();
            await Task.Delay(wait + TimeSpan.FromMilliseconds(200));
        }
    }

    private async Task RefreshAsync()
    {
        using var refreshed = await SendAsync(HttpMethod.Post, "/api/auth/refresh", new { refreshToken = _refreshToken }, authenticated: false);
        Use(await ApiJson.DataAsync(refreshed, HttpStatusCode.OK));
    }

    private void Use(JsonElement tokens)
    {
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        _refreshToken = tokens.GetProperty("refreshToken").GetString()!;
        _signedInAt = DateTimeOffset.UtcNow;
    }

    public void Dispose() => _client.Dispose();
}
