using Hangfire;
using TradingPlatform.Jobs;

namespace TradingPlatform.Worker.Maintenance;

/// <summary>Expires DAY orders whose session ended and settles futures funding: time-driven changes no tick brings.</summary>
public interface IExpiryAndFundingJob
{
    /// <remarks>
    /// No retries: the next minute's run does the same work. One run at a time across replicas (a run that outlasts its
    /// minute makes the next one wait rather than work on the same accounts twice; each change is idempotent anyway).
    /// </remarks>
    [Queue(JobQueues.Maintenance)]
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    Task RunAsync(CancellationToken cancellationToken);
}
