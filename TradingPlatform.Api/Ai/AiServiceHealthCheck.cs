using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingPlatform.ServiceDefaults.HealthChecks;

namespace TradingPlatform.Api.Ai;

/// <summary>The Api is not ready while the AiService it proxies AI requests to is not.</summary>
internal sealed class AiServiceHealthCheck(AiServiceClient client) : IHealthCheck
{
    // The AiService's Development report names its failing check; more than this is noise in our own report.
    private const int MaxBodyLength = 500;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var health = await client.GetHealthAsync(cancellationToken);
            if (health.IsHealthy)
            {
                return HealthCheckResult.Healthy();
            }

            var body = health.Body.Length > MaxBodyLength ? health.Body[..MaxBodyLength] + "…" : health.Body;
            return HealthCheckResult.Unhealthy(
                $"The AI service answered {(int)health.StatusCode} {health.StatusCode} on /health: {body}");
        }
        catch (HttpRequestException exception)
        {
            // The description carries the reason; the exception itself would log a stack trace at every probe.
            return HealthCheckResult.Unhealthy($"The AI service cannot be reached: {FailureDescription.From(exception)}");
        }
    }
}
