using Hangfire;
using TradingPlatform.Jobs;

namespace TradingPlatform.Worker.Tests.Support;

/// <summary>A test-only job contract on one of the Worker's queues, implemented by <see cref="ProbeJob"/>.</summary>
public interface IProbeJob
{
    [Queue(JobQueues.Maintenance)]
    [AutomaticRetry(Attempts = 0)]
    Task RunAsync(string marker, CancellationToken cancellationToken);

    /// <summary>Runs until its token is cancelled (the job deleted, the server stopped).</summary>
    [Queue(JobQueues.Maintenance)]
    [AutomaticRetry(Attempts = 0)]
    Task WaitForCancellationAsync(string marker, CancellationToken cancellationToken);
}
