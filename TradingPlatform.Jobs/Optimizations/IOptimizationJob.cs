using Hangfire;

namespace TradingPlatform.Jobs.Optimizations;

/// <summary>
/// Runs one stored parameter sweep or walk-forward to completion and stores its ranked results and the best
/// combination's full backtest. Enqueued by expression like <see cref="Backtests.IBacktestJob"/>; the Worker implements it.
/// </summary>
public interface IOptimizationJob
{
    /// <remarks>Deterministic like a backtest: a retry helps only after a transient failure.</remarks>
    [Queue(JobQueues.Optimizations)]
    [AutomaticRetry(Attempts = 2, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    Task RunAsync(Guid optimizationId, CancellationToken cancellationToken);
}
