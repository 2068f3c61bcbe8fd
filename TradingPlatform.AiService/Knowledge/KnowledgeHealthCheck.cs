using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradingPlatform.AiService.Knowledge;

/// <summary>
/// Reports the knowledge base's first index without holding the service back: on a fresh database embedding every
/// passage takes tens of seconds on two cores, and the Api (which waits for this service's health) and forecasts need
/// none of it. While the first index runs the check is Healthy and says so; the project chat's searches wait for it.
/// A first index that failed (its error kept) is Degraded until an index succeeds.
/// </summary>
internal sealed class KnowledgeHealthCheck(KnowledgeBase knowledge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(knowledge.IsReady
            ? HealthCheckResult.Healthy("The knowledge base is indexed.")
            : knowledge.LastError is { } error
                ? HealthCheckResult.Degraded($"The knowledge base's first index failed: {error}")
                : HealthCheckResult.Healthy("The knowledge base's first index is running; project-chat answers wait for it."));
}
