using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.Jobs.Optimizations;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Optimization;
using TradingPlatform.Worker.Backtests;

namespace TradingPlatform.Worker.Optimizations;

/// <summary>
/// Runs a stored sweep or walk-forward, with the same guarantees as <see cref="BacktestJob"/>: a finished run is left
/// alone, a run found "running" starts over and computes the same result, and the ranked rows, the best combination's
/// backtest (a completed <see cref="BacktestRun"/> with its trades) and the walk-forward windows commit together, only
/// while the row is still running.
/// </summary>
internal sealed class OptimizationJob(
    TradingDbContext db, BacktestInputLoader inputs, SweepBackends backends, IServiceScopeFactory scopes, TimeProvider time, ILogger<OptimizationJob> logger)
    : IOptimizationJob
{
    public async Task RunAsync(Guid optimizationId, CancellationToken cancellationToken)
    {
        var id = OptimizationId.From(optimizationId);
        var run = await db.Optimizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (run is null || run.IsFinished)
        {
            return;
        }

        var claimed = await db.Optimizations.Where(o => o.Id == id && (o.Status == BacktestStatus.Queued || o.Status == BacktestStatus.Running))
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, BacktestStatus.Running).SetProperty(o => o.StartedAt, time.GetUtcNow())
                .SetProperty(o => o.Progress, 0d).SetProperty(o => o.Error, (string?)null), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        try
        {
            var (settings, candles) = await inputs.LoadAsync(SimulationSpec.From(run), cancellationToken);
            var ranges = ParameterGridJson.Read(run.Grid);
            var request = new SweepRequest
            {
                Settings = settings, Candles = candles, Grid = new ParameterGrid(settings.Parameters.Algorithm, ranges, ParameterGridJson.FixedValues(settings.Parameters.Values, ranges)),
                Objective = SweepObjectives.Parse(run.Objective),
                Constraints = new SweepConstraints { MaxDrawdown = run.MaxDrawdown, MinTrades = run.MinTrades },
            };
            if (run.Kind == OptimizationKind.WalkForward)
            {
                await RunWalkForwardAsync(run, request, cancellationToken);
            }
            else
            {
                await RunSweepAsync(run, request, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Optimization {OptimizationId} was cancelled", run.Id);
        }
        catch (ArgumentException invalid)
        {
            // The inputs themselves are wrong (data changed since the Api checked them): a retry would fail the same way.
            var now = time.GetUtcNow();
            await db.Optimizations.Where(o => o.Id == run.Id && o.Status == BacktestStatus.Running)
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, BacktestStatus.Failed).SetProperty(o => o.Error, invalid.Message).SetProperty(o => o.CompletedAt, now), cancellationToken);
            logger.LogWarning("Optimization {OptimizationId} failed: {Error}", run.Id, invalid.Message);
        }
    }

    private async Task RunSweepAsync(OptimizationRun run, SweepRequest request, CancellationToken cancellationToken)
    {
        await using var progress = Progress<SweepProgress>(run, p => p.Total == 0 ? 1 : (double)p.Completed / p.Total, cancellationToken);
        var outcome = await Task.Run(() => ParameterSweep.RunWithBest(request, backends.Preferred, progress, progress.Token), progress.Token);
        await progress.StopAsync();
        await StoreAsync(run, outcome.Table, outcome.Best, request, null, cancellationToken);
    }

    private async Task RunWalkForwardAsync(OptimizationRun run, SweepRequest request, CancellationToken cancellationToken)
    {
        var windows = JsonSerializer.Deserialize<WalkForwardWindowsJson>(run.WalkForward!, BacktestJson.Options)!;
        var settings = new WalkForwardSettings
        {
            InSampleBars = windows.InSampleBars, OutOfSampleBars = windows.OutOfSampleBars,
            Mode = windows.Anchored ? WalkForwardMode.Anchored : WalkForwardMode.Rolling,
        };
        await using var progress = Progress<WalkForwardProgress>(run, p => p.Windows == 0 ? 1 : (double)p.CompletedWindows / p.Windows, cancellationToken);
        var result = await Task.Run(() => WalkForward.Run(request, settings, backends.Preferred, progress, progress.Token), progress.Token);
        await progress.StopAsync();
        await StoreAsync(run, null, null, request, result, cancellationToken);
    }

    private JobProgressScope<T> Progress<T>(OptimizationRun run, Func<T, double> fraction, CancellationToken cancellationToken)
        where T : struct =>
        new(scopes,
            async (services, progress, token) =>
            {
                var value = Math.Round(fraction(progress), 4);
                return await services.GetRequiredService<TradingDbContext>().Optimizations.Where(o => o.Id == run.Id && o.Status == BacktestStatus.Running)
                    .ExecuteUpdateAsync(set => set.SetProperty(o => o.Progress, value), token) > 0;
            },
            (services, token) => services.GetRequiredService<TradingDbContext>().Optimizations.AnyAsync(o => o.Id == run.Id && o.Status == BacktestStatus.Running, token),
            time, logger, BacktestProgressWriter.Interval, cancellationToken);

    private async Task StoreAsync(
        OptimizationRun run, SweepResult? table, BacktestResult? best, SweepRequest request, WalkForwardResult? walkForward, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var now = time.GetUtcNow();
            BacktestId? bestId = null;
            if (table?.Best is { } bestRow && best is not null)
            {
                var backtest = OptimizationResults.BestBacktest(run, request.SettingsFor(bestRow.Combination), best, now);
                db.Backtests.Add(backtest);
                db.BacktestTrades.AddRange(best.Trades.Select((trade, i) => BacktestTradeRecord.From(backtest.Id, i + 1, trade)));
                bestId = backtest.Id;
            }

            var results = table is null ? null : BacktestJson.Serialize(OptimizationResults.Rows(table));
            var windows = walkForward is null ? null : BacktestJson.Serialize(OptimizationResults.WalkForward(
                walkForward, [.. request.Candles[run.Symbols[0]].Select(c => c.OpenTime)], run.Interval.Duration));
            var stored = await db.Optimizations.Where(o => o.Id == run.Id && o.Status == BacktestStatus.Running)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(o => o.Status, BacktestStatus.Completed).SetProperty(o => o.Progress, 1d).SetProperty(o => o.CompletedAt, now)
                    .SetProperty(o => o.Results, results).SetProperty(o => o.WalkForwardResult, windows).SetProperty(o => o.BestBacktestId, bestId)
                    .SetProperty(o => o.Combinations, table == null ? run.Combinations : table.TotalCombinations)
                    .SetProperty(o => o.Skipped, table == null ? 0 : table.Skipped)
                    .SetProperty(o => o.Backend, table == null ? "walk-forward" : table.Backend), token);
            if (stored == 0)
            {
                return;
            }

            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
        }, cancellationToken);
        logger.LogInformation("Optimization {OptimizationId} completed", run.Id);
    }
}
