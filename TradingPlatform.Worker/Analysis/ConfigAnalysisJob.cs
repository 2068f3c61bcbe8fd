using TradingPlatform.Jobs.Analysis;

namespace TradingPlatform.Worker.Analysis;

/// <summary>
/// The <c>analysis</c> queue's configuration analysis that <c>POST /api/ai/config-analysis/trigger</c> enqueues: one
/// <see cref="ConfigAnalysisRunner"/> run of the user, triggered manually. It honours the token Hangfire passes
/// (cancelled when the job is deleted or the Worker stops).
/// </summary>
internal sealed class ConfigAnalysisJob(ConfigAnalysisRunner runner) : IConfigAnalysisJob
{
    public Task RunAsync(Guid userId, CancellationToken cancellationToken) => runner.RunAsync(userId, AnalysisTriggers.Manual, cancellationToken);
}
