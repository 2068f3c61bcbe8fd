using Hangfire;
using TradingPlatform.Jobs;

namespace TradingPlatform.Worker.Analysis;

/// <summary>
/// The daily configuration analysis: the recurring <see cref="RunAsync"/> enqueues <see cref="AnalyseUserAsync"/> for
/// each user with an active strategy or a fill in the last <see cref="ConfigAnalysisOptions.DailyActivityHours"/> hours.
/// Only the Worker enqueues and serves these, so the contract lives here.
/// </summary>
public interface IDailyConfigAnalysisJob
{
    /// <remarks>No retries: the next day's run covers a failed one, and enqueuing twice is harmless (see <see cref="AnalyseUserAsync"/>).</remarks>
    [Queue(JobQueues.Analysis)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    Task RunAsync(CancellationToken cancellationToken);

    /// <remarks>A user already analysed by a daily run today (UTC) is skipped, so a fan-out delivered twice analyses each user once.</remarks>
    [Queue(JobQueues.Analysis)]
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    Task AnalyseUserAsync(Guid userId, CancellationToken cancellationToken);
}
