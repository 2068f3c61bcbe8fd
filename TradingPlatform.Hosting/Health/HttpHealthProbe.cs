using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradingPlatform.Hosting.Health;

/// <summary>A project counts as healthy only when its own <c>/health</c> (every dependency check) answers 200.</summary>
internal sealed class HttpHealthProbe(Uri healthUrl) : IHealthProbe
{
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(5) };

    public async Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.GetAsync(healthUrl, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return HealthCheckResult.Healthy();
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return HealthCheckResult.Unhealthy($"{healthUrl} answered {(int)response.StatusCode}: {Summarize(body)}");
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy($"{healthUrl}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{healthUrl} did not answer within {_client.Timeout.TotalSeconds:0} s", ex);
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Summarize(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
