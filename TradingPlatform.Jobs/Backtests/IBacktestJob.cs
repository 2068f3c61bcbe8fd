using Hangfire;

namespace TradingPlatform.Jobs.Backtests;

/// <summary>
/// Runs one stored backtest to completion and stores its results. Enqueue it by expression,
/// <c>jobs.Enqueue&lt;IBacktestJob&gt;(job =&gt; job.RunAsync(id, CancellationToken.None))</c>: Hangfire stores the
/// arguments, not the token, and passes the running job a token that is cancelled when the job is deleted or its
/// server stops. The Worker implements it.
/// </summary>
public interface IBacktestJob
{
    /// <remarks>
    /// Two retries: a backtest is deterministic, so a retry helps only after a transient failure (the database away for a
    /// moment). A job whose Worker was killed is not a retry: Hangfire fetches it again after the invisibility timeout.
    /// </remarks>
    [Queue(JobQueues.Backtests)]
    [AutomaticRetry(Attempts = 2, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    Task RunAsync(Guid backtestId, CancellationToken cancellationToken);
}
