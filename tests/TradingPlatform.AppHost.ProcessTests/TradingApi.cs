using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace TradingPlatform.AppHost.ProcessTests;

/// <summary>The few api calls these tests make: sign up, sign in, and the system status (which asks the ai service).</summary>
internal sealed class TradingApi(Uri baseAddress) : IDisposable
{
    // No header propagation of our own: GetStatusAsync sends the traceparent it is given, and only that one.
    private readonly HttpClient _http = new(new SocketsHttpHandler { ActivityHeadersPropagator = null })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>A new trader with a unique email and a password that passes the api's rules.</summary>
    public static (string Email, string Password) NewTrader() =>
        ($"process-test-{Guid.NewGuid():N}@example.com", $"Pw-{Guid.NewGuid():N}A1");

    /// <summary>POST /api/auth/register; asserts 201.</summary>
    public async Task RegisterAsync(string email, string password)
    {
        using var response = await _http.PostAsJsonAsync("/api/auth/register", new { email, password });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"register: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>POST /api/auth/login; asserts 200 and that the signed-in user is <paramref name="email"/>; returns the access token.</summary>
    public async Task<string> LoginAsync(string email, string password)
    {
        using var response = await _http.PostAsJsonAsync("/api/auth/login", new { email, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"login: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        var data = json.RootElement.GetProperty("data");
        Assert.Equal(email, data.GetProperty("user").GetProperty("email").GetString());
        return data.GetProperty("accessToken").GetString()!;
    }

    /// <summary>
    /// GET /api/status as a signed-in user, inside the given W3C trace: the api asks the ai service (and the worker)
    /// for their /_system/info and the ai service for its GPUs, so the trace spans api and ai.
    /// </summary>
    public async Task GetStatusAsync(string accessToken, string traceId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01");
        using var response = await _http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"status: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A fresh W3C trace id (32 hex digits).</summary>
    public static string NewTraceId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>GET {url}/health answers 200.</summary>
    public static async Task<bool> IsHealthyAsync(Uri serviceUrl)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync(new Uri(serviceUrl, "/health"));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();
}
