using Microsoft.EntityFrameworkCore;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Worker.Backtests;

/// <summary>Starts the progress loop of one run: progress in the row and <see cref="BacktestProgressedIntegrationEvent"/> through the outbox.</summary>
internal sealed class BacktestProgressWriter(IServiceScopeFactory scopes, TimeProvider time, ILogger<BacktestProgressWriter> logger)
{
    /// <summary>How often progress is stored and sent, and how soon a cancel through the Api stops the engine.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(400);

    public JobProgressScope<BacktestProgress> Start(BacktestRun run, CancellationToken jobToken) =>
        new(scopes, (services, progress, token) => StoreAsync(services, run, progress, token), (services, token) => IsRunningAsync(services, run.Id, token),
            time, logger, Interval, jobToken);

    private async Task<bool> StoreAsync(IServiceProvider services, BacktestRun run, BacktestProgress progress, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TradingDbContext>();
        var fraction = Math.Round(progress.Fraction, 4);
        var updated = await db.Backtests.Where(b => b.Id == run.Id && b.Status == BacktestStatus.Running)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.Progress, fraction), cancellationToken);
        if (updated == 0)
        {
            return false;
        }

        services.GetRequiredService<IOutbox>().Add(new BacktestProgressedIntegrationEvent(
            run.Id.Value, run.OwnerId, fraction, progress.BarsDone, progress.TotalBars, progress.At) { OccurredAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static Task<bool> IsRunningAsync(IServiceProvider services, BacktestId id, CancellationToken cancellationToken) =>
        services.GetRequiredService<TradingDbContext>().Backtests.AnyAsync(b => b.Id == id && b.Status == BacktestStatus.Running, cancellationToken);
}
