using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Worker.Backtests;

namespace TradingPlatform.Worker.Maintenance;

/// <summary>
/// A job that exhausted its retries (or was deleted from the dashboard, or expired) leaves its row queued or running
/// forever, and the user waiting. Every minute this marks such rows failed, with Hangfire's reason, and announces the
/// end of a backtest as its job would have. A row whose job is still enqueued, scheduled for a retry or processing is
/// left alone. Idempotent: a second pass finds nothing to do.
/// </summary>
internal sealed class StuckRunsJob(TradingDbContext db, IOutbox outbox, JobStorage storage, TimeProvider time, ILogger<StuckRunsJob> logger) : IStuckRunsJob
{
    private static readonly HashSet<string> Alive = new(StringComparer.OrdinalIgnoreCase)
    {
        EnqueuedState.StateName, ScheduledState.StateName, ProcessingState.StateName, AwaitingState.StateName,
    };

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var backtests = await db.Backtests.AsNoTracking().Where(b => (b.Status == BacktestStatus.Queued || b.Status == BacktestStatus.Running) && b.JobId != null)
            .ToListAsync(cancellationToken);
        foreach (var run in backtests)
        {
            if (Ended(run.JobId!) is { } reason
                && await db.Backtests.Where(b => b.Id == run.Id && (b.Status == BacktestStatus.Queued || b.Status == BacktestStatus.Running))
                    .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, BacktestStatus.Failed).SetProperty(b => b.Error, reason).SetProperty(b => b.CompletedAt, now), cancellationToken) > 0)
            {
                outbox.Add(BacktestJob.Completed(run, BacktestStatus.Failed, null, 0, reason, now));
                await db.SaveChangesAsync(cancellationToken);
                logger.LogWarning("Backtest {BacktestId} failed: {Reason}", run.Id, reason);
            }
        }

        var optimizations = await db.Optimizations.AsNoTracking().Where(o => (o.Status == BacktestStatus.Queued || o.Status == BacktestStatus.Running) && o.JobId != null)
            .Select(o => new { o.Id, o.JobId }).ToListAsync(cancellationToken);
        foreach (var run in optimizations)
        {
            if (Ended(run.JobId!) is { } reason
                && await db.Optimizations.Where(o => o.Id == run.Id && (o.Status == BacktestStatus.Queued || o.Status == BacktestStatus.Running))
                    .ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, BacktestStatus.Failed).SetProperty(o => o.Error, reason).SetProperty(o => o.CompletedAt, now), cancellationToken) > 0)
            {
                logger.LogWarning("Optimization {OptimizationId} failed: {Reason}", run.Id, reason);
            }
        }
    }

    /// <summary>Why the job is over without its row finishing, or null while it may still run.</summary>
    private string? Ended(string jobId)
    {
        using var connection = storage.GetConnection();
        var state = connection.GetStateData(jobId);
        if (state is null)
        {
            return "The job that ran it no longer exists.";
        }

        if (Alive.Contains(state.Name))
        {
            return null;
        }

        var detail = state.Data is not null && state.Data.TryGetValue("ExceptionMessage", out var message) ? $": {message}" : state.Reason is { Length: > 0 } why ? $": {why}" : ".";
        return $"The job ended {state.Name.ToLowerInvariant()} without a result{detail}";
    }
}
