using System.Net.Http.Json;
using System.Text.Json;

namespace TradingPlatform.Hosting.Dashboard;

/// <summary>One check of a service's own <c>/health</c> report.</summary>
internal sealed record ServiceHealthCheck(string Name, string Status, string? Description);

/// <summary>
/// Asks a project for its <c>/health</c> report (the JSON every service writes: <c>status</c>, <c>checks[]</c>), so the
/// details pane shows each dependency check, not only the AppHost's verdict. Null when the service does not answer.
/// </summary>
internal sealed class ServiceHealthReports(HttpClient http)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<IReadOnlyList<ServiceHealthCheck>?> GetAsync(Uri serviceUrl, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            // An unhealthy service answers 503 with the same report, which is what is worth showing.
            using var response = await http.GetAsync(new Uri(serviceUrl, "/health"), timeout.Token);
            var report = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            if (!report.TryGetProperty("checks", out var checks) || checks.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            return [.. checks.EnumerateArray().Select(c => new ServiceHealthCheck(
                c.GetProperty("name").GetString() ?? "",
                c.GetProperty("status").GetString() ?? "",
                c.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null))];
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or JsonException
                                              or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }
}
