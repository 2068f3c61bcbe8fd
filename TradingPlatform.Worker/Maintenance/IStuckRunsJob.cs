using Hangfire;
using TradingPlatform.Jobs;

namespace TradingPlatform.Worker.Maintenance;

/// <summary>Finds backtests and optimizations whose Hangfire job is gone while the row still says queued or running.</summary>
public interface IStuckRunsJob
{
    [Queue(JobQueues.Maintenance)]
    [AutomaticRetry(Attempts = 0)]
    Task RunAsync(CancellationToken cancellationToken);
}
