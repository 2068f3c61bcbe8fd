using TradingPlatform.Worker.Backtests;
using System.Diagnostics;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Jobs.Backtests;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Worker.Tests.Support;
using Xunit.Abstractions;

namespace TradingPlatform.Worker.Tests.Backtests;

/// <summary>
/// The Worker's backtest job on real storage, enqueued as the Api enqueues it: a stored run completes with exactly what
/// the engine computes on the same input, running it again changes nothing, a run left "running" by a killed Worker is
/// started over with the same result, and a run whose Worker stops is finished by the next one.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class BacktestJobTests(InfrastructureFixture infrastructure, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly BacktestData _data = new(infrastructure);

    /// <summary>Three days of one symbol's 1-minute bars (4,320 bars): quick, and enough crossovers for dozens of trades.</summary>
    private async Task<(BacktestRun Run, Instrument Instrument, IReadOnlyDictionary<string, IReadOnlyList<Candle>> Candles)> ShortRunAsync(int seed)
    {
        await _data.EnsureSchemaAsync();
        var instrument = await _data.AddInstrumentAsync();
        var candles = await _data.AddMinutesAsync(instrument, TimeSpan.FromDays(3), seed);
        var run = await _data.StoreAsync(BacktestData.NewRun([instrument.Symbol], BacktestData.Start.AddDays(3)));
        return (run, instrument, new Dictionary<string, IReadOnlyList<Candle>> { [instrument.Symbol] = candles });
    }

    [Fact]
    public async Task A_stored_run_enqueued_through_the_client_completes_with_exactly_the_result_of_a_direct_engine_run()
    {
        var (run, instrument, candles) = await ShortRunAsync(seed: 11);
        await using var worker = new WorkerFactory(infrastructure);
        _ = worker.Services;
        await using var client = await JobClient.StartAsync(infrastructure);

        var jobId = client.Jobs.Enqueue<IBacktestJob>(job => job.RunAsync(run.Id.Value, CancellationToken.None));

        var stored = await Poll.UntilAsync(() => _data.RunAsync(run.Id), r => r!.IsFinished, Timeout, "the backtest to finish");
        var direct = BacktestData.RunDirectly(run, [instrument], candles);
        Assert.True(direct.Trades.Count >= 10, $"The test data gives only {direct.Trades.Count} trades; it should exercise the trade rows.");
        Assert.Equal(candles[instrument.Symbol].Count, stored!.Bars);
        BacktestAssert.StoredEquals(direct, stored, await _data.TradesAsync(run.Id));
        Assert.NotNull(stored.StartedAt);
        await Poll.UntilAsync(() => Task.FromResult(BacktestAssert.StateOf(client.Storage, jobId)), s => s == SucceededState.StateName, Timeout, "the job to succeed");
    }

    [Fact]
    public async Task Running_the_job_again_on_a_completed_run_changes_nothing()
    {
        var (run, _, _) = await ShortRunAsync(seed: 12);
        await using var worker = new WorkerFactory(infrastructure);
        await RunJobAsync(worker, run.Id);
        var first = await _data.RunAsync(run.Id);
        var firstTrades = await _data.TradesAsync(run.Id);
        var firstEvents = await _data.OutboxAsync(run.Id);
        Assert.Equal(BacktestStatus.Completed, first!.Status);

        await RunJobAsync(worker, run.Id);

        var second = await _data.RunAsync(run.Id);
        Assert.Equal(
            (first.Status, first.Progress, first.StartedAt, first.CompletedAt, first.Bars, first.TradeCount, first.Metrics, first.EquityCurve, first.Gaps, first.Error),
            (second!.Status, second.Progress, second.StartedAt, second.CompletedAt, second.Bars, second.TradeCount, second.Metrics, second.EquityCurve, second.Gaps, second.Error));
        var secondTrades = await _data.TradesAsync(run.Id);
        Assert.Equal(firstTrades.Select(t => (t.Number, t.Symbol, t.Quantity, t.EntryPrice, t.ExitPrice, t.NetPnl)),
            secondTrades.Select(t => (t.Number, t.Symbol, t.Quantity, t.EntryPrice, t.ExitPrice, t.NetPnl)));
        Assert.Equal(firstEvents.Count, (await _data.OutboxAsync(run.Id)).Count);
        Assert.Single(firstEvents, e => e.Type == nameof(Messaging.Contracts.BacktestCompletedIntegrationEvent));
    }

    [Fact]
    public async Task A_run_left_running_by_a_killed_worker_is_started_over_and_completes_with_the_same_result()
    {
        var (run, instrument, candles) = await ShortRunAsync(seed: 13);
        var killedAt = DateTimeOffset.UtcNow.AddMinutes(-5);
        await using (var db = _data.CreateContext())
        {
            // What a Worker killed half-way leaves: the row running at 50 %, no results, and (defensively) a stray trade row.
            await db.Backtests.Where(b => b.Id == run.Id).ExecuteUpdateAsync(set => set
                .SetProperty(b => b.Status, BacktestStatus.Running).SetProperty(b => b.Progress, 0.5).SetProperty(b => b.StartedAt, killedAt));
            db.BacktestTrades.Add(new BacktestTradeRecord
            {
                BacktestId = run.Id, Number = 1, Symbol = instrument.Symbol, Side = TradingPlatform.Trading.Positions.PositionSide.Long, Quantity = 123m,
                EntryAt = BacktestData.Start, EntryPrice = 1m, ExitAt = BacktestData.Start.AddMinutes(1), ExitPrice = 2m, GrossPnl = 123m, Fees = 0m,
                NetPnl = 123m, ExitReason = TradeExitReason.Signal,
            });
            await db.SaveChangesAsync();
        }

        await using var worker = new WorkerFactory(infrastructure);
        await RunJobAsync(worker, run.Id);

        var stored = await _data.RunAsync(run.Id);
        BacktestAssert.StoredEquals(BacktestData.RunDirectly(run, [instrument], candles), stored!, await _data.TradesAsync(run.Id));
        Assert.True(stored!.StartedAt > killedAt, "The job claims the run anew.");
        Assert.Single(await _data.OutboxAsync(run.Id, nameof(Messaging.Contracts.BacktestCompletedIntegrationEvent)));
    }

    [Fact]
    public async Task A_run_whose_worker_stops_mid_run_is_fetched_again_by_a_fresh_worker_and_completes_with_the_same_result()
    {
        await _data.EnsureSchemaAsync();
        var instruments = new[] { await _data.AddInstrumentAsync(), await _data.AddInstrumentAsync() };
        var span = LongSpan;
        var candles = new Dictionary<string, IReadOnlyList<Candle>>();
        foreach (var instrument in instruments)
        {
            candles[instrument.Symbol] = await _data.AddMinutesAsync(instrument, span, seed: 14);
        }

        var run = await _data.StoreAsync(BacktestData.NewRun([.. instruments.Select(i => i.Symbol)], BacktestData.Start + span));
        await using var client = await JobClient.StartAsync(infrastructure);
        // The first Worker's engine is held mid-run until its server stops (which cancels the job's token).
        using var pacer = new HoldingPacer(run.Id.Value);
        var first = new WorkerFactory(infrastructure, services => services.AddSingleton<IBacktestPacer>(pacer));
        BacktestRun? interrupted;
        string jobId;
        try
        {
            _ = first.Services;
            jobId = client.Jobs.Enqueue<IBacktestJob>(job => job.RunAsync(run.Id.Value, CancellationToken.None));
            await pacer.Reached.Task.WaitAsync(Timeout);
            interrupted = await Poll.UntilAsync(() => _data.RunAsync(run.Id), r => r!.Progress > 0 || r.IsFinished, Timeout, "progress to be stored");
            Assert.False(interrupted!.IsFinished, "The run finished although its engine was held.");
        }
        finally
        {
            var stopping = Stopwatch.StartNew();
            await first.DisposeAsync();
            output.WriteLine($"The first Worker stopped in {stopping.ElapsedMilliseconds} ms.");
        }

        // Stopped mid-run: the row is still running, with nothing of the results.
        var afterStop = await _data.RunAsync(run.Id);
        Assert.Equal(BacktestStatus.Running, afterStop!.Status);
        Assert.InRange(afterStop.Progress, 0.0001, 0.9999);
        Assert.Null(afterStop.Metrics);
        Assert.Empty(await _data.TradesAsync(run.Id));
        Assert.NotEqual(SucceededState.StateName, BacktestAssert.StateOf(client.Storage, jobId));

        var clock = Stopwatch.StartNew();
        await using var second = new WorkerFactory(infrastructure);
        _ = second.Services;
        var stored = await Poll.UntilAsync(() => _data.RunAsync(run.Id), r => r!.IsFinished, Timeout, "the fresh Worker to finish the backtest");
        output.WriteLine($"The fresh Worker finished the run in {clock.ElapsedMilliseconds} ms ({stored!.Bars} bars).");

        var engine = Stopwatch.StartNew();
        var direct = BacktestData.RunDirectly(run, instruments, candles);
        output.WriteLine($"The direct engine run took {engine.ElapsedMilliseconds} ms.");
        BacktestAssert.StoredEquals(direct, stored, await _data.TradesAsync(run.Id));
        Assert.True(stored.StartedAt > interrupted!.StartedAt, "The fresh Worker claimed the run again.");
        await Poll.UntilAsync(() => Task.FromResult(BacktestAssert.StateOf(client.Storage, jobId)), s => s == SucceededState.StateName, Timeout, "the job to succeed");
    }

    /// <summary>
    /// Two symbols over this span are 161,280 one-minute bars: about six seconds of engine time in a Debug build here, so
    /// the Worker is stopped well before the engine could finish (28 days, three seconds, once finished first under load).
    /// </summary>
    internal static readonly TimeSpan LongSpan = TimeSpan.FromDays(56);

    /// <summary>The job's method as Hangfire calls it, in a scope of the Worker's own container.</summary>
    private static async Task RunJobAsync(WorkerFactory worker, BacktestId id)
    {
        await using var scope = worker.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IBacktestJob>().RunAsync(id.Value, CancellationToken.None);
    }
}
