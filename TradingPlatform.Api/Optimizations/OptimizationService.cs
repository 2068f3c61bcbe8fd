using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.Api.Backtests;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Strategies;
using TradingPlatform.Jobs.Optimizations;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Optimization;

namespace TradingPlatform.Api.Optimizations;

/// <summary>
/// A user's sweeps and walk-forwards: checked (the same inputs as a backtest, plus the grid against the algorithm's
/// ranges and the combination limit), stored and enqueued on the Worker's <c>optimizations</c> queue, then read back.
/// Another user's is a 404.
/// </summary>
public sealed class OptimizationService(
    TradingDbContext db, IBackgroundJobClient jobs, SimulationInputs inputs, IOptions<OptimizationOptions> options, TimeProvider time)
{
    public async Task<OptimizationResponse> CreateAsync(Guid ownerId, CreateOptimizationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = await inputs.ResolveAsync(ownerId, request, cancellationToken);
        var ranges = GridInput.Ranges(request.Grid!.Value);
        ParameterGrid grid;
        try
        {
            grid = new ParameterGrid(input.Parameters.Algorithm, ranges, ParameterGridJson.FixedValues(input.Parameters.Values, ranges), options.Value.MaxCombinations);
            _ = grid.Count;
        }
        catch (ArgumentException invalid)
        {
            throw SimulationInputs.Invalid("grid", invalid.Message);
        }

        if (grid.Count * input.Bars > options.Value.MaxBarEvaluations)
        {
            throw SimulationInputs.Invalid("grid",
                $"{grid.Count:N0} combinations over {input.Bars:N0} bars is {grid.Count * input.Bars:N0} bar evaluations; the most is {options.Value.MaxBarEvaluations:N0}.");
        }

        if (request.OptimizationKind == OptimizationKind.WalkForward && input.Symbols.Count != 1)
        {
            throw SimulationInputs.Invalid("symbols", "A walk-forward runs on exactly one symbol.");
        }

        if (request.WalkForward is { } windows && windows.InSampleBars + windows.OutOfSampleBars > input.Bars)
        {
            throw SimulationInputs.Invalid("walkForward",
                $"One in-sample and one out-of-sample window ({windows.InSampleBars + windows.OutOfSampleBars:N0} bars) do not fit in the {input.Bars:N0} bars of the period.");
        }

        var active = await db.Optimizations.CountAsync(o => o.OwnerId == ownerId && (o.Status == BacktestStatus.Queued || o.Status == BacktestStatus.Running), cancellationToken);
        if (active >= options.Value.MaxActivePerUser)
        {
            throw new ApiException(StatusCodes.Status409Conflict, ErrorCodes.Conflict,
                $"You have {active} optimizations queued or running (the most is {options.Value.MaxActivePerUser}); wait for one to finish or cancel one.");
        }

        var objective = request.Objective is null ? SweepObjective.Sharpe : SweepObjectives.Parse(request.Objective);
        var run = new OptimizationRun
        {
            OwnerId = ownerId, Kind = request.OptimizationKind, StrategyId = input.StrategyId, Algorithm = input.Parameters.Algorithm.Code,
            FixedParameters = AlgorithmInput.Serialize(input.Parameters), Grid = request.Grid.Value.GetRawText(), Objective = SweepObjectives.Code(objective),
            MaxDrawdown = request.Constraints?.MaxDrawdown, MinTrades = request.Constraints?.MinTrades,
            WalkForward = request.WalkForward is null ? null : JsonSerializer.Serialize(request.WalkForward, BacktestJson.Options),
            RiskManagement = input.Risk, Symbols = [.. input.Symbols], Interval = input.Interval, Start = input.Start, End = input.End,
            InitialBalance = request.InitialBalance, Leverage = request.Leverage, CommissionRate = request.CommissionRate, SlippageFactor = request.Slippage,
            IntrabarPath = request.Path, RiskFreeRate = request.RiskFreeRate, Combinations = grid.Count, CreatedAt = time.GetUtcNow(),
        };
        db.Optimizations.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            run.JobId = jobs.Enqueue<IOptimizationJob>(job => job.RunAsync(run.Id.Value, CancellationToken.None));
        }
        catch
        {
            db.Optimizations.Remove(run);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        await db.SaveChangesAsync(cancellationToken);
        return OptimizationResponse.From(run, withResults: false);
    }

    public async Task<(IReadOnlyList<OptimizationResponse> Items, long Total)> ListAsync(Guid ownerId, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Optimizations.AsNoTracking().Where(o => o.OwnerId == ownerId);
        var total = await query.LongCountAsync(cancellationToken);
        var runs = await query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Skip(page.Skip).Take(page.Limit).ToListAsync(cancellationToken);
        return ([.. runs.Select(r => OptimizationResponse.From(r, withResults: false))], total);
    }

    public async Task<OptimizationResponse> GetAsync(Guid ownerId, OptimizationId id, CancellationToken cancellationToken) =>
        OptimizationResponse.From(await FindOwnedAsync(ownerId, id, tracking: false, cancellationToken), withResults: true);

    public async Task<(IReadOnlyList<OptimizationRowRecord> Items, long Total)> ResultsAsync(
        Guid ownerId, OptimizationId id, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(ownerId, id, cancellationToken);
        return ([.. rows.Skip(page.Skip).Take(page.Limit)], rows.Count);
    }

    /// <summary>The ranked rows of a completed run; 409 before.</summary>
    public async Task<(OptimizationRun Run, List<OptimizationRowRecord> Rows)> CompletedAsync(Guid ownerId, OptimizationId id, CancellationToken cancellationToken)
    {
        var run = await FindOwnedAsync(ownerId, id, tracking: false, cancellationToken);
        if (run.Status != BacktestStatus.Completed || run.Results is null)
        {
            throw new ApiException(StatusCodes.Status409Conflict, ErrorCodes.Conflict,
                $"Optimization {run.Id} is {BacktestNames.Status(run.Status)}; its results exist once it has completed.");
        }

        return (run, BacktestJson.Deserialize<List<OptimizationRowRecord>>(run.Results));
    }

    public async Task<OptimizationResponse> CancelAsync(Guid ownerId, OptimizationId id, CancellationToken cancellationToken)
    {
        var run = await FindOwnedAsync(ownerId, id, tracking: false, cancellationToken);
        var now = time.GetUtcNow();
        var cancelled = await db.Optimizations.Where(o => o.Id == run.Id && (o.Status == BacktestStatus.Queued || o.Status == BacktestStatus.Running))
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, BacktestStatus.Cancelled).SetProperty(o => o.CompletedAt, now), cancellationToken);
        if (cancelled == 0)
        {
            throw new ApiException(StatusCodes.Status409Conflict, ErrorCodes.Conflict,
                $"Optimization {run.Id} is {BacktestNames.Status(run.Status)}; only a queued or running one can be cancelled.");
        }

        if (run.JobId is { } jobId)
        {
            // Deleting the job cancels the running sweep's token within Hangfire's 0.5 s check.
            jobs.Delete(jobId);
        }

        return OptimizationResponse.From(await FindOwnedAsync(ownerId, id, tracking: false, cancellationToken), withResults: false);
    }

    public async Task DeleteAsync(Guid ownerId, OptimizationId id, CancellationToken cancellationToken)
    {
        var run = await FindOwnedAsync(ownerId, id, tracking: true, cancellationToken);
        if (!run.IsFinished && run.JobId is { } jobId)
        {
            jobs.Delete(jobId);
        }

        db.Optimizations.Remove(run);
        if (run.BestBacktestId is { } best)
        {
            await db.Backtests.Where(b => b.Id == best && b.OwnerId == ownerId).ExecuteDeleteAsync(cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<List<OptimizationRowRecord>> RowsAsync(Guid ownerId, OptimizationId id, CancellationToken cancellationToken) =>
        (await CompletedAsync(ownerId, id, cancellationToken)).Rows;

    private async Task<OptimizationRun> FindOwnedAsync(Guid ownerId, OptimizationId id, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.Optimizations : db.Optimizations.AsNoTracking();
        return await query.SingleOrDefaultAsync(o => o.Id == id && o.OwnerId == ownerId, cancellationToken)
            ?? throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Optimization not found.");
    }
}
