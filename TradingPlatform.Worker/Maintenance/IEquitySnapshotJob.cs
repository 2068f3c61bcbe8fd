using Hangfire;
using TradingPlatform.Jobs;

namespace TradingPlatform.Worker.Maintenance;

/// <summary>Records every live account's equity once per hour, for the portfolio's daily to yearly performance.</summary>
public interface IEquitySnapshotJob
{
    /// <remarks>
    /// Retried: a run that failed (the database was restarting) still records its hour, and a retry or a second run in
    /// the same hour adds nothing for accounts already recorded.
    /// </remarks>
    [Queue(JobQueues.Maintenance)]
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    Task RunAsync(CancellationToken cancellationToken);
}
