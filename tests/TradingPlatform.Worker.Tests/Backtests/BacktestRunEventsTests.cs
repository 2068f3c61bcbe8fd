using TradingPlatform.Worker.Backtests;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingPlatform.Jobs.Backtests;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Worker.Tests.Support;

namespace TradingPlatform.Worker.Tests.Backtests;

/// <summary>
/// What a running backtest shows the world: its progress in the row and as BacktestProgressed events in the trading
/// outbox, one BacktestCompleted at the end, and a cancel through the row (as the Api cancels) that stops the engine and
/// keeps nothing.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class BacktestRunEventsTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly BacktestData _data = new(infrastructure);

    private async Task<(BacktestRun Run, Instrument[] Instruments, Dictionary<string, IReadOnlyList<Candle>> Candles)> TwoSymbolRunAsync(TimeSpan span, int seed)
    {
        await _data.EnsureSchemaAsync();
        Instrument[] instruments = [await _data.AddInstrumentAsync(), await _data.AddInstrumentAsync()];
        var candles = new Dictionary<string, IReadOnlyList<Candle>>();
        foreach (var instrument in instruments)
        {
            candles[instrument.Symbol] = await _data.AddMinutesAsync(instrument, span, seed);
        }

        var run = await _data.StoreAsync(BacktestData.NewRun([.. instruments.Select(i => i.Symbol)], BacktestData.Start + span));
        return (run, instruments, candles);
    }

    [Fact]
    public async Task Progress_is_stored_and_sent_through_the_trading_outbox_and_one_completed_event_follows()
    {
        var (run, _, _) = await TwoSymbolRunAsync(TimeSpan.FromDays(28), seed: 21);
        // The engine is held at its first report until a progress event is out, so there is one however fast it runs.
        using var pacer = new HoldingPacer(run.Id.Value);
        await using var worker = new WorkerFactory(infrastructure, services => services.AddSingleton<IBacktestPacer>(pacer));
        _ = worker.Services;
        await using var client = await JobClient.StartAsync(infrastructure);

        client.Jobs.Enqueue<IBacktestJob>(job => job.RunAsync(run.Id.Value, CancellationToken.None));
        await pacer.Reached.Task.WaitAsync(Timeout);
        await Poll.UntilAsync(() => _data.OutboxAsync(run.Id, nameof(BacktestProgressedIntegrationEvent)), e => e.Count > 0, Timeout, "a progress event");
        pacer.Release();

        // Each progress event below is written only after the row's progress was updated, in the same tick.
        var stored = await Poll.UntilAsync(() => _data.RunAsync(run.Id), r => r!.IsFinished, Timeout, "the backtest to finish");
        Assert.Equal(BacktestStatus.Completed, stored!.Status);

        var events = await _data.OutboxAsync(run.Id);
        var progressed = events.Where(e => e.Type == nameof(BacktestProgressedIntegrationEvent)).Select(e => e.Payload).ToList();
        Assert.NotEmpty(progressed);
        var fractions = progressed.Select(p => p.GetProperty("progress").GetDouble()).ToList();
        Assert.All(fractions, f => Assert.InRange(f, 0.0001, 1));
        Assert.Equal(fractions.Order(), fractions);
        Assert.All(progressed, p =>
        {
            Assert.Equal(run.OwnerId, p.GetProperty("userId").GetGuid());
            Assert.Equal(stored.Bars, p.GetProperty("totalBars").GetInt64());
            Assert.InRange(p.GetProperty("barsDone").GetInt64(), 1, stored.Bars);
        });

        var completed = Assert.Single(events, e => e.Type == nameof(BacktestCompletedIntegrationEvent));
        Assert.Equal(events[^1], completed);
        var metrics = BacktestJson.Deserialize<BacktestMetrics>(stored.Metrics!);
        Assert.Equal("completed", completed.Payload.GetProperty("status").GetString());
        Assert.Equal(run.OwnerId, completed.Payload.GetProperty("userId").GetGuid());
        Assert.Equal(stored.TradeCount, completed.Payload.GetProperty("tradeCount").GetInt32());
        Assert.Equal(metrics.FinalEquity, completed.Payload.GetProperty("finalEquity").GetDecimal());
        Assert.Equal(metrics.TotalReturn, completed.Payload.GetProperty("totalReturn").GetDouble());
        Assert.Equal(BacktestCompletedIntegrationEvent.IdFor(run.Id.Value, "completed"), completed.Payload.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Setting_the_row_cancelled_while_it_runs_stops_the_engine_and_keeps_nothing()
    {
        var (run, _, _) = await TwoSymbolRunAsync(TimeSpan.FromDays(28), seed: 22);
        var logs = new CapturedLogs();
        // The engine is held mid-run until the job's token is cancelled: the cancel below always lands while it runs.
        using var pacer = new HoldingPacer(run.Id.Value);
        await using var worker = new WorkerFactory(infrastructure, services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddSingleton<IBacktestPacer>(pacer);
        });
        _ = worker.Services;
        await using var client = await JobClient.StartAsync(infrastructure);
        var jobId = client.Jobs.Enqueue<IBacktestJob>(job => job.RunAsync(run.Id.Value, CancellationToken.None));
        await pacer.Reached.Task.WaitAsync(Timeout);
        var running = await Poll.UntilAsync(() => _data.RunAsync(run.Id), r => r!.Progress > 0 || r.IsFinished, Timeout, "the run to progress");
        Assert.Equal(BacktestStatus.Running, running!.Status);

        await using (var db = _data.CreateContext())
        {
            // The Api's cancel: a conditional update of the row (its event and the Hangfire delete are the Api's part).
            var cancelled = await db.Backtests.Where(b => b.Id == run.Id && b.Status == BacktestStatus.Running)
                .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, BacktestStatus.Cancelled).SetProperty(b => b.CompletedAt, DateTimeOffset.UtcNow));
            Assert.Equal(1, cancelled);
        }

        // The job returns (the timeout only bounds the wait) through its cancellation path, not after a full run.
        var state = await Poll.UntilAsync(() => Task.FromResult(BacktestAssert.StateOf(client.Storage, jobId)),
            s => s == SucceededState.StateName || s == FailedState.StateName, Timeout, "the job to return");
        Assert.Equal(SucceededState.StateName, state);
        Assert.True(logs.Contains($"Backtest {run.Id} was cancelled"), "The engine was stopped by the cancel, not run to its end.");
        Assert.DoesNotContain(logs.Messages, m => m.Contains($"Backtest {run.Id} completed", StringComparison.Ordinal));

        var stored = await _data.RunAsync(run.Id);
        Assert.Equal(BacktestStatus.Cancelled, stored!.Status);
        Assert.True(stored.Progress < 1, $"Progress {stored.Progress}");
        Assert.Null(stored.Metrics);
        Assert.Null(stored.EquityCurve);
        Assert.Equal(0, stored.TradeCount);
        Assert.Empty(await _data.TradesAsync(run.Id));
        Assert.Empty(await _data.OutboxAsync(run.Id, nameof(BacktestCompletedIntegrationEvent)));
    }
}
