using System.Net.Http.Json;

namespace TradingPlatform.AppHost.Tests;

/// <summary>The Development JSON body of a service's /health.</summary>
public sealed record HealthReport(string Status, IReadOnlyList<HealthReportEntry> Checks)
{
    public static async Task<(int StatusCode, HealthReport? Report)> GetAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<HealthReport>());
    }
}

public sealed record HealthReportEntry(string Name, string Status, string? Description, IReadOnlyList<string> Tags);
