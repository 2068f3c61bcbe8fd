using Hangfire;
using TradingPlatform.Jobs;

namespace TradingPlatform.Worker.Maintenance;

/// <summary>Watches the trading outbox: events that wait too long mean the relay or the broker is down.</summary>
public interface IOutboxBacklogJob
{
    /// <returns>The backlog (the dashboard shows it as the job's result).</returns>
    [Queue(JobQueues.Maintenance)]
    [AutomaticRetry(Attempts = 0)]
    Task<string> RunAsync(CancellationToken cancellationToken);
}
