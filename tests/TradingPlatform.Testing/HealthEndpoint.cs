using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace TradingPlatform.Testing;

/// <summary>Reads a service's health endpoints.</summary>
public static class HealthEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>GETs a Development health endpoint and parses its JSON report.</summary>
    public static async Task<(HttpStatusCode StatusCode, HealthReportResponse Report)> GetReportAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var report = await response.Content.ReadFromJsonAsync<HealthReportResponse>(Json);
        Assert.NotNull(report);
        return (response.StatusCode, report);
    }

    /// <summary>GETs a health endpoint and returns its plain body.</summary>
    public static async Task<(HttpStatusCode StatusCode, string Body)> GetTextAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
