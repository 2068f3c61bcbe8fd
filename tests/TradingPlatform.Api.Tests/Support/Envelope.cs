using System.Net.Http.Json;
using System.Text.Json;

namespace TradingPlatform.Api.Tests.Support;

/// <summary>Reads and checks the error envelope of ARCHITECTURE.md on a response.</summary>
public static class Envelope
{
    public static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.False(json.GetProperty("success").GetBoolean());
        Assert.Equal(status, json.GetProperty("status").GetInt32());
        var error = json.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(error.GetProperty("message").GetString(), json.GetProperty("detail").GetString());
        var traceId = json.GetProperty("traceId").GetString();
        Assert.False(string.IsNullOrWhiteSpace(traceId));
        Assert.Equal(traceId, Assert.Single(response.Headers.GetValues("X-Trace-Id")));
        Assert.True(json.TryGetProperty("timestamp", out var timestamp) && timestamp.GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
        Assert.StartsWith("https://tradingplatform.dev/errors/", json.GetProperty("type").GetString(), StringComparison.Ordinal);
        return json;
    }

    public static Task<HttpResponseMessage> PostJsonTextAsync(this HttpClient client, string path, string json, string contentType = "application/json") =>
        client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, contentType));

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    public static Task<T?> ReadAsync<T>(this HttpResponseMessage response) => response.Content.ReadFromJsonAsync<T>();
}
