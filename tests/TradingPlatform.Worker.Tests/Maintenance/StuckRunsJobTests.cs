using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Optimization;
using TradingPlatform.Worker.Maintenance;
using TradingPlatform.Worker.Tests.Backtests;
using TradingPlatform.Worker.Tests.Support;

namespace TradingPlatform.Worker.Tests.Maintenance;

/// <summary>A job contract of the tests' own, enqueued on a queue no server serves: its jobs stay enqueued.</summary>
public interface IUnservedJob
{
    Task RunAsync(Guid id);
}

/// <summary>
/// The stuck-runs sweep: a queued or running row whose Hangfire job is gone is failed with the reason (a backtest also
/// announces it), a row whose job is still enqueued is left alone, and a second pass changes nothing.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class StuckRunsJobTests(InfrastructureFixture infrastructure)
{
    private const string UnservedQueue = "stuck_runs_test_unserved";

    private readonly BacktestData _data = new(infrastructure);

    private static async Task RunJobAsync(WorkerFactory worker)
    {
        await using var scope = worker.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IStuckRunsJob>().RunAsync(CancellationToken.None);
    }

    private async Task<BacktestRun> StoreBacktestAsync(BacktestStatus status, string? jobId)
    {
        var run = BacktestData.NewRun(["BTC-USD"], BacktestData.Start.AddDays(1));
        run.Status = status;
        run.JobId = jobId;
        return await _data.StoreAsync(run);
    }

    private async Task<OptimizationRun> StoreOptimizationAsync(BacktestStatus status, string? jobId)
    {
        var run = new OptimizationRun
        {
            OwnerId = Guid.NewGuid(), Kind = OptimizationKind.Sweep, Algorithm = "sma_crossover", FixedParameters = """{"fast":5,"slow":20}""",
            Grid = """{"fast":[5,10]}""", Objective = "sharpe", RiskManagement = TradingPlatform.Trading.Strategies.RiskManagement.Default, Symbols = ["BTC-USD"],
            Interval = TradingPlatform.Trading.Market.CandleInterval.OneMinute, Start = BacktestData.Start, End = BacktestData.Start.AddDays(1),
            InitialBalance = 10_000m, CreatedAt = DateTimeOffset.UtcNow, Status = status, JobId = jobId,
        };
        await using var db = _data.CreateContext();
        db.Optimizations.Add(run);
        await db.SaveChangesAsync();
        return run;
    }

    private async Task<OptimizationRun?> ReadOptimizationAsync(OptimizationId id)
    {
        await using var db = _data.CreateContext();
        return await db.Optimizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id);
    }

    [Fact]
    public async Task Rows_whose_job_is_gone_are_failed_with_the_reason_rows_whose_job_waits_are_left_alone_and_a_second_pass_changes_nothing()
    {
        await _data.EnsureSchemaAsync();
        await using var client = await JobClient.StartAsync(infrastructure);
        var deleted = client.Jobs.Enqueue<IUnservedJob>(UnservedQueue, job => job.RunAsync(Guid.NewGuid()));
        Assert.True(client.Jobs.Delete(deleted));
        var waiting = client.Jobs.Enqueue<IUnservedJob>(UnservedQueue, job => job.RunAsync(Guid.NewGuid()));
        var waitingOptimization = client.Jobs.Enqueue<IUnservedJob>(UnservedQueue, job => job.RunAsync(Guid.NewGuid()));

        var deletedBacktest = await StoreBacktestAsync(BacktestStatus.Running, deleted);
        var missingBacktest = await StoreBacktestAsync(BacktestStatus.Queued, "999999999");
        var waitingBacktest = await StoreBacktestAsync(BacktestStatus.Queued, waiting);
        var missingOptimization = await StoreOptimizationAsync(BacktestStatus.Running, "999999998");
        var waitingOpt = await StoreOptimizationAsync(BacktestStatus.Queued, waitingOptimization);

        await using var worker = new WorkerFactory(infrastructure);
        await RunJobAsync(worker);

        var failed = await _data.RunAsync(deletedBacktest.Id);
        Assert.Equal(BacktestStatus.Failed, failed!.Status);
        Assert.Equal("The job ended deleted without a result.", failed.Error);
        Assert.NotNull(failed.CompletedAt);
        var missing = await _data.RunAsync(missingBacktest.Id);
        Assert.Equal(BacktestStatus.Failed, missing!.Status);
        Assert.Equal("The job that ran it no longer exists.", missing.Error);
        foreach (var run in new[] { failed, missing })
        {
            var completed = Assert.Single(await _data.OutboxAsync(run.Id, nameof(BacktestCompletedIntegrationEvent)));
            Assert.Equal("failed", completed.Payload.GetProperty("status").GetString());
            Assert.Equal(run.OwnerId, completed.Payload.GetProperty("userId").GetGuid());
        }

        var missingOpt = await ReadOptimizationAsync(missingOptimization.Id);
        Assert.Equal(BacktestStatus.Failed, missingOpt!.Status);
        Assert.Equal("The job that ran it no longer exists.", missingOpt.Error);

        // The rows whose job still waits in its queue are untouched, and announce nothing.
        var stillQueued = await _data.RunAsync(waitingBacktest.Id);
        Assert.Equal((BacktestStatus.Queued, (string?)null, (DateTimeOffset?)null), (stillQueued!.Status, stillQueued.Error, stillQueued.CompletedAt));
        Assert.Empty(await _data.OutboxAsync(waitingBacktest.Id));
        var stillQueuedOpt = await ReadOptimizationAsync(waitingOpt.Id);
        Assert.Equal((BacktestStatus.Queued, (string?)null), (stillQueuedOpt!.Status, stillQueuedOpt.Error));

        // A second pass finds nothing more to do.
        await RunJobAsync(worker);

        var again = await _data.RunAsync(deletedBacktest.Id);
        Assert.Equal((failed.Status, failed.Error, failed.CompletedAt), (again!.Status, again.Error, again.CompletedAt));
        Assert.Single(await _data.OutboxAsync(deletedBacktest.Id, nameof(BacktestCompletedIntegrationEvent)));
        Assert.Single(await _data.OutboxAsync(missingBacktest.Id, nameof(BacktestCompletedIntegrationEvent)));
        Assert.Equal(missingOpt.CompletedAt, (await ReadOptimizationAsync(missingOptimization.Id))!.CompletedAt);
        Assert.Equal(BacktestStatus.Queued, (await _data.RunAsync(waitingBacktest.Id))!.Status);
        Assert.Equal(BacktestStatus.Queued, (await ReadOptimizationAsync(waitingOpt.Id))!.Status);
        Assert.Empty(await _data.OutboxAsync(waitingBacktest.Id));
    }
}
