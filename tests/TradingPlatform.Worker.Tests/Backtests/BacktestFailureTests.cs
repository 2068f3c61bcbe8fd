using Hangfire;
using Hangfire.States;
using TradingPlatform.Jobs.Backtests;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Worker.Tests.Support;

namespace TradingPlatform.Worker.Tests.Backtests;

/// <summary>
/// A stored run whose inputs no longer make sense when the Worker gets it (the data changed since the Api checked it)
/// fails at once with the reason stored and a BacktestCompleted(failed) event, and is not retried: a retry of a
/// deterministic run would fail the same way.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class BacktestFailureTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly BacktestData _data = new(infrastructure);

    public static TheoryData<string, string, string> Unbindable => new()
    {
        // algorithm, stored parameters, what the error says
        { "sma_crossover", """{"fast":50,"slow":10,"allowShort":false}""", "The slow average (10 bars) must be longer than the fast one (50 bars)." },
        { "sma_crossover", """{"fast":5,"slow":20,"lookback":3}""", "sma_crossover has no parameter 'lookback'" },
        { "sma_crossover", """{"fast":"five","slow":20}""", "fast" },
        { "sma_crossover", """{"fast":2.5,"slow":20}""", "fast must be a whole number." },
        { "grid_martingale", """{"fast":5,"slow":20}""", "The algorithm grid_martingale no longer exists." },
    };

    [Theory]
    [MemberData(nameof(Unbindable))]
    public async Task A_run_whose_parameters_no_longer_bind_fails_with_the_reason_and_a_failed_event(string algorithm, string parameters, string reason)
    {
        await _data.EnsureSchemaAsync();
        var instrument = await _data.AddInstrumentAsync();
        await _data.AddMinutesAsync(instrument, TimeSpan.FromHours(6), seed: 31);
        var run = BacktestData.NewRun([instrument.Symbol], BacktestData.Start.AddHours(6), parameters);
        run = await _data.StoreAsync(new BacktestRun
        {
            OwnerId = run.OwnerId, Algorithm = algorithm, Parameters = run.Parameters, RiskManagement = run.RiskManagement, Symbols = run.Symbols,
            Interval = run.Interval, Start = run.Start, End = run.End, InitialBalance = run.InitialBalance, CreatedAt = run.CreatedAt,
        });

        await AssertFailsAsync(run, reason);
    }

    [Fact]
    public async Task A_run_whose_instrument_was_removed_fails_with_the_reason_and_a_failed_event()
    {
        await _data.EnsureSchemaAsync();
        var kept = await _data.AddInstrumentAsync();
        var removed = await _data.AddInstrumentAsync(store: false);
        await _data.AddMinutesAsync(kept, TimeSpan.FromHours(6), seed: 32);
        await _data.AddMinutesAsync(removed, TimeSpan.FromHours(6), seed: 32);
        var run = await _data.StoreAsync(BacktestData.NewRun([kept.Symbol, removed.Symbol], BacktestData.Start.AddHours(6)));

        await AssertFailsAsync(run, $"The instrument {removed.Symbol} no longer exists.");
    }

    private async Task AssertFailsAsync(BacktestRun run, string reason)
    {
        await using var worker = new WorkerFactory(infrastructure);
        _ = worker.Services;
        await using var client = await JobClient.StartAsync(infrastructure);

        var jobId = client.Jobs.Enqueue<IBacktestJob>(job => job.RunAsync(run.Id.Value, CancellationToken.None));

        var stored = await Poll.UntilAsync(() => _data.RunAsync(run.Id), r => r!.IsFinished, Timeout, "the backtest to fail");
        Assert.Equal(BacktestStatus.Failed, stored!.Status);
        Assert.Contains(reason, stored.Error, StringComparison.Ordinal);
        Assert.NotNull(stored.CompletedAt);
        Assert.Null(stored.Metrics);
        Assert.Empty(await _data.TradesAsync(run.Id));
        var failed = Assert.Single(await _data.OutboxAsync(run.Id, nameof(BacktestCompletedIntegrationEvent))).Payload;
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal(stored.Error, failed.GetProperty("error").GetString());
        Assert.Equal(run.OwnerId, failed.GetProperty("userId").GetGuid());
        Assert.Equal(BacktestCompletedIntegrationEvent.IdFor(run.Id.Value, "failed"), failed.GetProperty("id").GetGuid());
        // Handled, not thrown: Hangfire records a success and schedules no retry.
        var state = await Poll.UntilAsync(() => Task.FromResult(BacktestAssert.StateOf(client.Storage, jobId)),
            s => s == SucceededState.StateName || s == FailedState.StateName || s == ScheduledState.StateName, Timeout, "the job to end");
        Assert.Equal(SucceededState.StateName, state);
    }
}
