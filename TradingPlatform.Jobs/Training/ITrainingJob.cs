using Hangfire;

namespace TradingPlatform.Jobs.Training;

/// <summary>
/// Trains, evaluates and stores one forecasting model for a stored training run. The AiService serves the
/// <see cref="JobQueues.Training"/> queue, where the GPU is, and implements it.
/// </summary>
public interface ITrainingJob
{
    /// <remarks>
    /// One retry: training is deterministic (fixed seeds), so a retry after a transient failure (the database away for
    /// a moment) starts the run again from its first epoch and gives the same model.
    /// </remarks>
    [Queue(JobQueues.Training)]
    [AutomaticRetry(Attempts = 1, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    Task RunAsync(Guid trainingRunId, CancellationToken cancellationToken);
}
