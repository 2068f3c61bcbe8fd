using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradingPlatform.AiService.Knowledge;

/// <summary>Not ready until the knowledge base's first index is loaded: the project chat would have nothing to cite.</summary>
internal sealed class KnowledgeHealthCheck(KnowledgeBase knowledge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(knowledge.IsReady
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(
                context.Registration.FailureStatus,
                "The knowledge base has not been indexed yet" + (knowledge.LastError is { } error ? $": {error}" : ".")));
}
