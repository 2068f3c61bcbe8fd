using Hangfire;
using TradingPlatform.Jobs;

namespace TradingPlatform.Worker.Maintenance;

/// <summary>Checks the stored 1-minute candles of the last day for bars missing while a market was open.</summary>
public interface ICandleGapsJob
{
    /// <returns>What it found, one line per instrument with gaps (the dashboard shows it as the job's result).</returns>
    [Queue(JobQueues.Maintenance)]
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    Task<string> RunAsync(CancellationToken cancellationToken);
}
