using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Market.Instruments;
using TradingPlatform.Api.Strategies;
using TradingPlatform.Jobs.Backtests;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Api.Backtests;

/// <summary>
/// A user's backtests: checked, stored and enqueued on the Worker's <c>backtests</c> queue, then read back. Every method
/// takes the caller's id; another user's backtest (or strategy) is a 404, exactly like one that does not exist.
/// </summary>
public sealed class BacktestService(
    TradingDbContext db, IOutbox outbox, IBackgroundJobClient jobs, SimulationInputs inputs, IOptions<BacktestOptions> options, TimeProvider time)
{
    public async Task<BacktestResponse> CreateAsync(Guid ownerId, CreateBacktestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = await inputs.ResolveAsync(ownerId, request, cancellationToken);
        var active = await db.Backtests.CountAsync(b => b.OwnerId == ownerId && (b.Status == BacktestStatus.Queued || b.Status == BacktestStatus.Running), cancellationToken);
        if (active >= options.Value.MaxActivePerUser)
        {
            throw new ApiException(StatusCodes.Status409Conflict, ErrorCodes.Conflict,
                $"You have {active} backtests queued or running (the most is {options.Value.MaxActivePerUser}); wait for one to finish or cancel one.");
        }

        var run = new BacktestRun
        {
            OwnerId = ownerId, StrategyId = input.StrategyId, Algorithm = input.Parameters.Algorithm.Code, Parameters = AlgorithmInput.Serialize(input.Parameters),
            RiskManagement = input.Risk, Symbols = [.. input.Symbols], Interval = input.Interval, Start = input.Start, End = input.End, InitialBalance = request.InitialBalance,
            Leverage = request.Leverage, CommissionRate = request.CommissionRate, SlippageFactor = request.Slippage, IntrabarPath = request.Path,
            RiskFreeRate = request.RiskFreeRate, CreatedAt = time.GetUtcNow(),
        };
        db.Backtests.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            // Saved first, so the job always finds its row; the job id is kept to cancel it.
            run.JobId = jobs.Enqueue<IBacktestJob>(job => job.RunAsync(run.Id.Value, CancellationToken.None));
        }
        catch
        {
            db.Backtests.Remove(run);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        await db.SaveChangesAsync(cancellationToken);
        return BacktestResponse.From(run, withCurve: false);
    }

    public async Task<(IReadOnlyList<BacktestResponse> Items, long Total)> ListAsync(
        Guid ownerId, PageRequest page, BacktestStatus? status, CancellationToken cancellationToken)
    {
        var query = db.Backtests.AsNoTracking().Where(b => b.OwnerId == ownerId);
        if (status is { } wanted)
        {
            query = query.Where(b => b.Status == wanted);
        }

        var total = await query.LongCountAsync(cancellationToken);
        var runs = await query.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)
            .Skip(page.Skip).Take(page.Limit).ToListAsync(cancellationToken);
        return ([.. runs.Select(r => BacktestResponse.From(r, withCurve: false))], total);
    }

    public async Task<BacktestResponse> GetAsync(Guid ownerId, BacktestId id, CancellationToken cancellationToken) =>
        BacktestResponse.From(await FindOwnedAsync(ownerId, id, tracking: false, cancellationToken), withCurve: true);

    public async Task<BacktestRun> GetRunAsync(Guid ownerId, BacktestId id, CancellationToken cancellationToken) =>
        await FindOwnedAsync(ownerId, id, tracking: false, cancellationToken);

    public async Task<(IReadOnlyList<BacktestTradeResponse> Items, long Total)> TradesAsync(
        Guid ownerId, BacktestId id, PageRequest page, CancellationToken cancellationToken)
    {
        var run = await FindOwnedAsync(ownerId, id, tracking: false, cancellationToken);
        var trades = await db.BacktestTrades.AsNoTracking().Where(t => t.BacktestId == run.Id).OrderBy(t => t.Number)
            .Skip(page.Skip).Take(page.Limit).ToListAsync(cancellationToken);
        return ([.. trades.Select(BacktestTradeResponse.From)], run.TradeCount);
    }

    /// <summary>
    /// Cancels a queued or running backtest: the row says so at once (with <c>backtest_completed</c> through the outbox, in
    /// the same transaction), and deleting its job stops the running engine within a second.
    /// </summary>
    public async Task<BacktestResponse> CancelAsync(Guid ownerId, BacktestId id, CancellationToken cancellationToken)
    {
        var run = await FindOwnedAsync(ownerId, id, tracking: false, cancellationToken);
        var now = time.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        var cancelled = await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            // Conditional, so a job completing at this instant and a cancel cannot both win: the job's final update also
            // requires the row to be running.
            var changed = await db.Backtests.Where(b => b.Id == run.Id && (b.Status == BacktestStatus.Queued || b.Status == BacktestStatus.Running))
                .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, BacktestStatus.Cancelled).SetProperty(b => b.CompletedAt, now), token);
            if (changed > 0)
            {
                const string status = "cancelled";
                outbox.Add(new BacktestCompletedIntegrationEvent(run.Id.Value, run.OwnerId, status, null, null, null, null, 0, null, now)
                {
                    Id = BacktestCompletedIntegrationEvent.IdFor(run.Id.Value, status),
                    OccurredAt = now,
                });
                await db.SaveChangesAsync(token);
            }

            await transaction.CommitAsync(token);
            return changed > 0;
        }, cancellationToken);
        if (!cancelled)
        {
            throw new ApiException(StatusCodes.Status409Conflict, ErrorCodes.Conflict,
                $"Backtest {run.Id} is {BacktestNames.Status(run.Status)}; only a queued or running backtest can be cancelled.");
        }

        if (run.JobId is { } jobId)
        {
            jobs.Delete(jobId);
        }

        return BacktestResponse.From(await FindOwnedAsync(ownerId, id, tracking: false, cancellationToken), withCurve: false);
    }

    /// <summary>Deletes a backtest and its trades; a running one is cancelled first.</summary>
    public async Task DeleteAsync(Guid ownerId, BacktestId id, CancellationToken cancellationToken)
    {
        var run = await FindOwnedAsync(ownerId, id, tracking: true, cancellationToken);
        if (!run.IsFinished && run.JobId is { } jobId)
        {
            jobs.Delete(jobId);
        }

        db.Backtests.Remove(run);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<BacktestRun> FindOwnedAsync(Guid ownerId, BacktestId id, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.Backtests : db.Backtests.AsNoTracking();
        return await query.SingleOrDefaultAsync(b => b.Id == id && b.OwnerId == ownerId, cancellationToken)
            ?? throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Backtest not found.");
    }

}
