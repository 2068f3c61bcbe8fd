using System.Net;
using System.Text.Json;

namespace TradingPlatform.AppHost.Tests;

/// <summary>Reads the api's envelope, failing with the status and the whole body when it is not the expected one.</summary>
internal static class ApiJson
{
    /// <summary>The body of a success envelope with <paramref name="status"/>.</summary>
    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        var body = document.RootElement.Clone();
        Assert.True(body.TryGetProperty("success", out var success) && success.GetBoolean(), $"No success envelope: {text}");
        return body;
    }

    /// <summary>The <c>data</c> of a success envelope with <paramref name="status"/>.</summary>
    public static async Task<JsonElement> DataAsync(HttpResponseMessage response, HttpStatusCode status) =>
        (await BodyAsync(response, status)).GetProperty("data");
}
