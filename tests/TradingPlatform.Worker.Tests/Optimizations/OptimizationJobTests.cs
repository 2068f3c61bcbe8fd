using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingPlatform.Jobs.Optimizations;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Optimization;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Worker.Backtests;
using TradingPlatform.Worker.Tests.Backtests;
using TradingPlatform.Worker.Tests.Support;

namespace TradingPlatform.Worker.Tests.Optimizations;

/// <summary>
/// The Worker's optimization job on real storage, enqueued through a Hangfire client as the Api enqueues it: a sweep
/// stores exactly the ranked table and best backtest a direct sweep computes, a walk-forward stores its windows and
/// efficiency, and a run cancelled through its row stops and stores nothing.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class OptimizationJobTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly BacktestData _data = new(infrastructure);

    private async Task<(Instrument Instrument, IReadOnlyList<Candle> Candles)> InstrumentWithMinutesAsync(TimeSpan span, int seed)
    {
        await _data.EnsureSchemaAsync();
        var instrument = await _data.AddInstrumentAsync();
        return (instrument, await _data.AddMinutesAsync(instrument, span, seed));
    }

    private static OptimizationRun NewRun(
        string symbol, TimeSpan span, string grid, OptimizationKind kind = OptimizationKind.Sweep, string algorithm = "sma_crossover",
        string fixedParameters = """{"fast":5,"slow":20,"allowShort":true}""", string? walkForward = null) => new()
    {
        OwnerId = Guid.NewGuid(), Kind = kind, Algorithm = algorithm, FixedParameters = fixedParameters, Grid = grid, Objective = "total_return",
        WalkForward = walkForward, RiskManagement = RiskManagement.Default, Symbols = [symbol], Interval = CandleInterval.OneMinute,
        Start = BacktestData.Start, End = BacktestData.Start + span, InitialBalance = 100_000m, Leverage = 2, CommissionRate = 0.0005m,
        RiskFreeRate = 0.02, CreatedAt = DateTimeOffset.UtcNow,
    };

    private async Task<OptimizationRun> StoreAsync(OptimizationRun run)
    {
        await using var db = _data.CreateContext();
        db.Optimizations.Add(run);
        await db.SaveChangesAsync();
        return run;
    }

    private async Task<OptimizationRun?> ReadAsync(OptimizationId id)
    {
        await using var db = _data.CreateContext();
        return await db.Optimizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id);
    }

    /// <summary>The sweep's input as the job builds it, loaded by the Worker's own loader from the stored row.</summary>
    private static async Task<SweepRequest> DirectRequestAsync(WorkerFactory worker, OptimizationRun run)
    {
        await using var scope = worker.Services.CreateAsyncScope();
        var (settings, candles) = await scope.ServiceProvider.GetRequiredService<BacktestInputLoader>().LoadAsync(SimulationSpec.From(run), CancellationToken.None);
        var ranges = ParameterGridJson.Read(run.Grid);
        return new SweepRequest
        {
            Settings = settings, Candles = candles,
            Grid = new ParameterGrid(settings.Parameters.Algorithm, ranges, ParameterGridJson.FixedValues(settings.Parameters.Values, ranges)),
            Objective = SweepObjectives.Parse(run.Objective),
            Constraints = new SweepConstraints { MaxDrawdown = run.MaxDrawdown, MinTrades = run.MinTrades },
        };
    }

    [Fact]
    public async Task A_stored_sweep_completes_with_the_ranked_rows_and_best_backtest_of_a_direct_sweep()
    {
        var span = TimeSpan.FromDays(3);
        var (instrument, candles) = await InstrumentWithMinutesAsync(span, seed: 31);
        var run = await StoreAsync(NewRun(instrument.Symbol, span, """{"fast":[5,10],"slow":{"min":20,"max":40,"step":10}}"""));
        await using var worker = new WorkerFactory(infrastructure);
        _ = worker.Services;
        await using var client = await JobClient.StartAsync(infrastructure);

        var jobId = client.Jobs.Enqueue<IOptimizationJob>(job => job.RunAsync(run.Id.Value, CancellationToken.None));

        var stored = await Poll.UntilAsync(() => ReadAsync(run.Id), r => r!.IsFinished, Timeout, "the sweep to finish");
        Assert.Equal(BacktestStatus.Completed, stored!.Status);
        Assert.Null(stored.Error);
        Assert.Equal(1d, stored.Progress);
        Assert.Equal(6, stored.Combinations);
        var rows = BacktestJson.Deserialize<List<OptimizationRowRecord>>(stored.Results!);

        var request = await DirectRequestAsync(worker, run);
        Assert.Equal(candles.Count, request.Candles[instrument.Symbol].Count);
        // The Worker's backend without a GPU: the fast path with the random slippage at its mean (SweepBackends says why).
        var direct = ParameterSweep.RunWithBest(request, CrossoverSweepCpu.Approximate);
        Assert.Equal(6, direct.Table.Rows.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6], rows.Select(r => r.Rank));
        Assert.Equal(
            direct.Table.Rows.Select(r => (r.Rank, Fast: r.Combination.Values["fast"], Slow: r.Combination.Values["slow"], r.Metrics.FinalEquity, r.ObjectiveValue, r.Feasible)),
            rows.Select(r => (r.Rank, Fast: r.Parameters["fast"], Slow: r.Parameters["slow"], r.Metrics.FinalEquity, r.Objective, r.Feasible)));
        // Ranked: total_return is maximised, so the objective falls down the table.
        Assert.Equal(rows.Select(r => r.Objective).OrderDescending(), rows.Select(r => r.Objective));
        Assert.True(rows.Select(r => r.Metrics.FinalEquity).Distinct().Count() > 1, "The combinations should differ, or the ranking is untested.");

        Assert.NotNull(stored.BestBacktestId);
        var best = await _data.RunAsync(stored.BestBacktestId!.Value);
        Assert.NotNull(best);
        Assert.Equal(BacktestStatus.Completed, best!.Status);
        Assert.Equal(run.OwnerId, best.OwnerId);
        Assert.Equal(instrument.Symbol, Assert.Single(best.Symbols));
        var trades = await _data.TradesAsync(best.Id);
        Assert.Equal(best.TradeCount, trades.Count);
        Assert.Equal(direct.Best!.Trades.Count, trades.Count);
        Assert.True(trades.Count > 0, "The best combination should trade.");
        var bestMetrics = BacktestJson.Deserialize<BacktestMetrics>(best.Metrics!);
        // The row is the fast path's (random slippage at its mean); the stored backtest is the engine's, exact: they agree
        // within the approximation's bound (docs/parameter-sweeps.md), which grows with what was traded.
        var bound = CrossoverSweepCpu.ApproximationBound(instrument.RandomSlippage, trades.Select(t => (t.Quantity, t.EntryPrice, t.ExitPrice)));
        Assert.InRange(bound, 0.01m, bestMetrics.FinalEquity * 0.05m);
        Assert.InRange(bestMetrics.FinalEquity, rows[0].Metrics.FinalEquity - bound, rows[0].Metrics.FinalEquity + bound);
        Assert.Equal(direct.Best.Metrics.FinalEquity, bestMetrics.FinalEquity);
        await Poll.UntilAsync(() => Task.FromResult(BacktestAssert.StateOf(client.Storage, jobId)), s => s == SucceededState.StateName, Timeout, "the job to succeed");
    }

    [Fact]
    public async Task A_stored_walk_forward_completes_with_the_windows_and_efficiency_of_a_direct_run()
    {
        var span = TimeSpan.FromMinutes(3000);
        var (instrument, candles) = await InstrumentWithMinutesAsync(span, seed: 32);
        var run = await StoreAsync(NewRun(instrument.Symbol, span, """{"fast":[5,10],"slow":[20,30]}""", OptimizationKind.WalkForward,
            walkForward: """{"inSampleBars":1000,"outOfSampleBars":500,"anchored":false}"""));
        await using var worker = new WorkerFactory(infrastructure);
        _ = worker.Services;
        await using var client = await JobClient.StartAsync(infrastructure);

        client.Jobs.Enqueue<IOptimizationJob>(job => job.RunAsync(run.Id.Value, CancellationToken.None));

        var stored = await Poll.UntilAsync(() => ReadAsync(run.Id), r => r!.IsFinished, Timeout, "the walk-forward to finish");
        Assert.Equal(BacktestStatus.Completed, stored!.Status);
        Assert.Null(stored.Error);
        Assert.Null(stored.Results);
        Assert.Null(stored.BestBacktestId);
        var record = BacktestJson.Deserialize<WalkForwardRecord>(stored.WalkForwardResult!);

        var settings = new WalkForwardSettings { InSampleBars = 1000, OutOfSampleBars = 500, Mode = WalkForwardMode.Rolling };
        var expectedWindows = WalkForward.Windows(candles.Count, settings);
        Assert.Equal(4, expectedWindows.Count);
        Assert.Equal(expectedWindows.Count, record.Windows.Count);
        Assert.Equal(expectedWindows.Select(w => w.Index), record.Windows.Select(w => w.Index));
        Assert.Equal(expectedWindows.Select(w => candles[w.OutOfSampleStart].OpenTime), record.Windows.Select(w => w.OutOfSampleStart));

        var direct = WalkForward.Run(await DirectRequestAsync(worker, run), settings, CrossoverSweepCpu.Approximate);
        Assert.Equal(direct.Efficiency, record.Efficiency);
        Assert.Equal(direct.EfficiencyNote, record.EfficiencyNote);
        Assert.Equal(direct.MeanOutOfSampleAnnualisedReturn, record.MeanOutOfSampleAnnualisedReturn);
        Assert.Equal(direct.Windows.Select(w => w.Efficiency), record.Windows.Select(w => w.Efficiency));
        Assert.Equal(direct.Windows.Select(w => w.Chosen?.Values["fast"]), record.Windows.Select(w => w.Parameters?["fast"]));
        Assert.Equal(direct.Windows.Select(w => w.OutOfSample?.Metrics.FinalEquity), record.Windows.Select(w => w.OutOfSample?.FinalEquity));
    }

    [Fact]
    public async Task Setting_the_row_cancelled_while_a_sweep_runs_stops_the_job_and_stores_nothing()
    {
        // Long enough (about 9 M bars through the engine, several seconds even on a quiet machine) that the cancel
        // below always lands while the sweep runs: the engine does 1–3 M bars per second per core.
        var span = TimeSpan.FromDays(20);
        var (instrument, _) = await InstrumentWithMinutesAsync(span, seed: 33);
        // rsi_mean_reversion has no fast path: every one of 9 × 9 × 4 = 324 combinations is a full engine run, many seconds of work.
        var run = await StoreAsync(NewRun(instrument.Symbol, span,
            """{"period":{"min":6,"max":22,"step":2},"oversold":{"min":10,"max":34,"step":3},"overbought":[66,70,74,78]}""",
            algorithm: "rsi_mean_reversion", fixedParameters: """{"period":14,"oversold":30,"overbought":70,"exitLevel":50}"""));
        var logs = new CapturedLogs();
        await using var worker = new WorkerFactory(infrastructure, services => services.AddSingleton<ILoggerProvider>(logs));
        _ = worker.Services;
        await using var client = await JobClient.StartAsync(infrastructure);
        var jobId = client.Jobs.Enqueue<IOptimizationJob>(job => job.RunAsync(run.Id.Value, CancellationToken.None));
        var running = await Poll.UntilAsync(() => ReadAsync(run.Id), r => r!.Progress > 0 || r.IsFinished, Timeout, "the sweep to progress");
        Assert.Equal(BacktestStatus.Running, running!.Status);

        await using (var db = _data.CreateContext())
        {
            var cancelled = await db.Optimizations.Where(o => o.Id == run.Id && o.Status == BacktestStatus.Running)
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, BacktestStatus.Cancelled).SetProperty(o => o.CompletedAt, DateTimeOffset.UtcNow));
            Assert.Equal(1, cancelled);
        }

        var state = await Poll.UntilAsync(() => Task.FromResult(BacktestAssert.StateOf(client.Storage, jobId)),
            s => s == SucceededState.StateName || s == FailedState.StateName, Timeout, "the job to return");
        Assert.Equal(SucceededState.StateName, state);
        Assert.True(logs.Contains($"Optimization {run.Id} was cancelled"), "The sweep was stopped by the cancel, not run to its end.");
        Assert.DoesNotContain(logs.Messages, m => m.Contains($"Optimization {run.Id} completed", StringComparison.Ordinal));

        var stored = await ReadAsync(run.Id);
        Assert.Equal(BacktestStatus.Cancelled, stored!.Status);
        Assert.True(stored.Progress < 1, $"Progress {stored.Progress}");
        Assert.Null(stored.Results);
        Assert.Null(stored.BestBacktestId);
        Assert.Null(stored.WalkForwardResult);
        await using var check = _data.CreateContext();
        Assert.False(await check.Backtests.AnyAsync(b => b.OwnerId == run.OwnerId), "No best backtest is stored for a cancelled sweep.");
    }
}
