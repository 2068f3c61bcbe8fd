using Hangfire;

namespace TradingPlatform.Jobs.Analysis;

/// <summary>
/// Analyses one user's trading configuration (strategies, risk settings) and records the result; seed 000's
/// <c>/ai/config-analysis/trigger</c> enqueues it. Enqueue it by expression,
/// <c>jobs.Enqueue&lt;IConfigAnalysisJob&gt;(job =&gt; job.RunAsync(userId, CancellationToken.None))</c>; the Worker implements it.
/// </summary>
public interface IConfigAnalysisJob
{
    /// <remarks>Three retries with Hangfire's growing delays: the analysis will call an AI model, whose failures are mostly transient.</remarks>
    [Queue(JobQueues.Analysis)]
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    Task RunAsync(Guid userId, CancellationToken cancellationToken);
}
