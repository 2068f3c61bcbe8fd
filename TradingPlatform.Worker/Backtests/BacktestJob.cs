using Microsoft.EntityFrameworkCore;
using TradingPlatform.Jobs.Backtests;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Worker.Backtests;

/// <summary>
/// Runs a stored backtest. Safe to run more than once (Hangfire delivers at least once, and a killed Worker's job is
/// fetched again): a finished run is left alone, a run found "running" is started over, and because the row holds
/// everything the engine needs, seed included, the repeat computes the very same result. Results, trades and the
/// <see cref="BacktestCompletedIntegrationEvent"/> commit together, and only while the row is still running, so a
/// cancel or a delete that wins the race leaves nothing behind.
/// </summary>
internal sealed class BacktestJob(
    TradingDbContext db, IOutbox outbox, BacktestInputLoader inputs, BacktestProgressWriter progressWriter, IEnumerable<IBacktestPacer> pacers,
    TimeProvider time, ILogger<BacktestJob> logger)
    : IBacktestJob
{
    public async Task RunAsync(Guid backtestId, CancellationToken cancellationToken)
    {
        var id = BacktestId.From(backtestId);
        var run = await db.Backtests.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (run is null || run.IsFinished)
        {
            logger.LogInformation("Backtest {BacktestId} is {State}; nothing to do", backtestId, run is null ? "deleted" : run.Status.ToString());
            return;
        }

        var claimed = await db.Backtests.Where(b => b.Id == id && (b.Status == BacktestStatus.Queued || b.Status == BacktestStatus.Running))
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, BacktestStatus.Running).SetProperty(b => b.StartedAt, time.GetUtcNow())
                .SetProperty(b => b.Progress, 0d).SetProperty(b => b.Error, (string?)null), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        BacktestSettings settings;
        IReadOnlyDictionary<string, IReadOnlyList<Candle>> candles;
        try
        {
            (settings, candles) = await inputs.LoadAsync(SimulationSpec.From(run), cancellationToken);
        }
        catch (ArgumentException invalid)
        {
            // An instrument, the algorithm or the parameters changed since the Api checked them: as below, a retry
            // would fail the same way (and leave the row "running" meanwhile), so the run fails now with the reason.
            await FailAsync(run, invalid.Message, cancellationToken);
            return;
        }

        await using var progress = progressWriter.Start(run, cancellationToken);
        BacktestResult result;
        try
        {
            var paced = pacers.ToList();
            IProgress<BacktestProgress> report = paced.Count == 0 ? progress : new PacedProgress(progress, p => paced.ForEach(pacer => pacer.OnProgress(backtestId, p, progress.Token)));
            result = await Task.Run(() => BacktestEngine.Run(settings, candles, report, progress.Token), progress.Token);
        }
        catch (OperationCanceledException) when (progress.CancelledByUser)
        {
            // The Api set the row cancelled (and announced it); the engine stopped, and nothing of it is kept.
            logger.LogInformation("Backtest {BacktestId} was cancelled", backtestId);
            return;
        }
        catch (ArgumentException invalid)
        {
            // The inputs themselves are wrong (the Api checks them, but data can change between the two): a retry
            // would fail the same way, so the run fails now with the reason.
            await FailAsync(run, invalid.Message, cancellationToken);
            return;
        }

        await progress.StopAsync();
        await StoreAsync(run, result, cancellationToken);
    }

    private async Task StoreAsync(BacktestRun run, BacktestResult result, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var kept = await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var now = time.GetUtcNow();
            var metrics = result.Metrics;
            var stored = await db.Backtests.Where(b => b.Id == run.Id && b.Status == BacktestStatus.Running)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(b => b.Status, BacktestStatus.Completed).SetProperty(b => b.Progress, 1d).SetProperty(b => b.CompletedAt, now)
                    .SetProperty(b => b.Bars, result.Bars).SetProperty(b => b.TradeCount, result.Trades.Count)
                    .SetProperty(b => b.Metrics, BacktestJson.Serialize(metrics))
                    .SetProperty(b => b.EquityCurve, BacktestJson.Serialize(EquityCurveSampler.Downsample(result.Equity)))
                    .SetProperty(b => b.Gaps, BacktestJson.Serialize(result.Gaps)), token);
            if (stored == 0)
            {
                // Cancelled or deleted while it ran: the cancel already answered the user; nothing is written.
                return false;
            }

            // A previous attempt never committed trades without the row's completion, but a stale set is cheap to rule out.
            await db.BacktestTrades.Where(t => t.BacktestId == run.Id).ExecuteDeleteAsync(token);
            db.BacktestTrades.AddRange(result.Trades.Select((trade, i) => BacktestTradeRecord.From(run.Id, i + 1, trade)));
            outbox.Add(Completed(run, BacktestStatus.Completed, metrics, result.Trades.Count, null, now));
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return true;
        }, cancellationToken);
        if (!kept)
        {
            logger.LogInformation("Backtest {BacktestId} was cancelled or deleted as it finished; its result is discarded", run.Id);
            return;
        }

        logger.LogInformation("Backtest {BacktestId} completed: {Bars} bars, {Trades} trades, final equity {Equity}",
            run.Id, result.Bars, result.Trades.Count, result.Metrics.FinalEquity);
    }

    private async Task FailAsync(BacktestRun run, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // The column holds 2,000 characters; a longer reason must not turn the failure into a retried exception.
        error = error.Length <= 2000 ? error : error[..1997] + "...";
        var failed = await db.Backtests.Where(b => b.Id == run.Id && b.Status == BacktestStatus.Running)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, BacktestStatus.Failed).SetProperty(b => b.Error, error).SetProperty(b => b.CompletedAt, now), cancellationToken);
        if (failed > 0)
        {
            logger.LogWarning("Backtest {BacktestId} failed: {Error}", run.Id, error);
            db.ChangeTracker.Clear();
            outbox.Add(Completed(run, BacktestStatus.Failed, null, 0, error, now));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    internal static BacktestCompletedIntegrationEvent Completed(BacktestRun run, BacktestStatus status, BacktestMetrics? metrics, int trades, string? error, DateTimeOffset at)
    {
        var name = status.ToString().ToLowerInvariant();
        return new(run.Id.Value, run.OwnerId, name, metrics?.TotalReturn, metrics?.Sharpe, metrics?.MaxDrawdown, metrics?.FinalEquity, trades, error, at)
        {
            Id = BacktestCompletedIntegrationEvent.IdFor(run.Id.Value, name),
            OccurredAt = at,
        };
    }
}
