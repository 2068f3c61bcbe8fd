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
using TradingPlatform.Trading.Data;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Api.Backtests;

/// <summary>
/// A user's backtests: checked, stored and enqueued on the Worker's <c>backtests</c> queue, then read back. Every method
/// takes the caller's id; another user's backtest (or strategy) is a 404, exactly like one that does not exist.
/// </summary>
public sealed class BacktestService(
    TradingDbContext db, IOutbox outbox, IBackgroundJobClient jobs, InstrumentRegistry instruments, IOptions<BacktestOptions> options, TimeProvider time)
{
    public async Task<BacktestResponse> CreateAsync(Guid ownerId, CreateBacktestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (parameters, risk, strategyId, symbols) = await ResolveStrategyAsync(ownerId, request, cancellationToken);
        var interval = CandleInterval.Parse(request.Interval!);
        var (start, end) = (request.Start!.Value.ToUniversalTime(), request.End!.Value.ToUniversalTime());
        CheckLeverage(symbols, request.Leverage);
        await CheckDataAsync(symbols, interval, start, end, cancellationToken);
        var active = await db.Backtests.CountAsync(b => b.OwnerId == ownerId && (b.Status == BacktestStatus.Queued || b.Status == BacktestStatus.Running), cancellationToken);
        if (active >= options.Value.MaxActivePerUser)
        {
            throw new ApiException(StatusCodes.Status409Conflict, ErrorCodes.Conflict,
                $"You have {active} backtests queued or running (the most is {options.Value.MaxActivePerUser}); wait for one to finish or cancel one.");
        }

        var run = new BacktestRun
        {
            OwnerId = ownerId, StrategyId = strategyId, Algorithm = parameters.Algorithm.Code, Parameters = AlgorithmInput.Serialize(parameters),
            RiskManagement = risk, Symbols = [.. symbols], Interval = interval, Start = start, End = end, InitialBalance = request.InitialBalance,
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

    private async Task<(StrategyParameters Parameters, RiskManagement Risk, StrategyId? StrategyId, IReadOnlyList<string> Symbols)> ResolveStrategyAsync(
        Guid ownerId, CreateBacktestRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? symbols = request.Symbols is null ? null : [.. StrategyInput.Normalize(request.Symbols)];
        if (request.Strategy is { } inline)
        {
            return (AlgorithmInput.Bind(inline.Algorithm!, inline.Parameters),
                inline.RiskManagement?.ApplyTo(RiskManagement.Default) ?? RiskManagement.Default, null, symbols!);
        }

        var strategy = await db.Set<Strategy>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == StrategyId.From(request.StrategyId!.Value) && s.OwnerId == ownerId, cancellationToken)
            ?? throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Strategy not found.");
        if (strategy.Algorithm is null)
        {
            throw Invalid("strategyId",
                $"Strategy {strategy.Id} has no algorithm to backtest; give it one (PUT /api/strategies/{strategy.Id} with algorithm and parameters) or send an inline strategy.");
        }

        var parameters = AlgorithmInput.TryBind(strategy.Algorithm, strategy.Parameters, out var problem)
            ?? throw Invalid("strategyId", $"Strategy {strategy.Id}'s parameters do not fit {strategy.Algorithm}: {problem}");
        return (parameters, strategy.RiskManagement, strategy.Id, symbols ?? strategy.Symbols);
    }

    private void CheckLeverage(IReadOnlyList<string> symbols, int leverage)
    {
        foreach (var symbol in symbols)
        {
            var instrument = instruments.Find(symbol) ?? throw Invalid("symbols", $"Unknown symbol '{symbol}'.");
            if (leverage > instrument.MaxLeverage)
            {
                throw Invalid("leverage", $"The leverage is at most {instrument.MaxLeverage} for {instrument.Symbol}.");
            }
        }
    }

    /// <summary>Refuses, before anything is enqueued, an interval the data does not have, a range without bars, and a run past the bar limit.</summary>
    private async Task CheckDataAsync(IReadOnlyList<string> symbols, CandleInterval interval, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var symbol in symbols)
        {
            var bars = db.Set<Candle>().Where(c => c.Symbol == symbol && c.Interval == interval);
            var range = await bars.GroupBy(_ => 1).Select(g => new { First = g.Min(c => c.OpenTime), Last = g.Max(c => c.OpenTime) }).SingleOrDefaultAsync(cancellationToken);
            if (range is null)
            {
                throw Invalid("interval", $"There are no {interval} bars for {symbol}; GET /api/market/{symbol}/candles shows what the data has.");
            }

            var count = await bars.LongCountAsync(c => c.OpenTime >= start && c.OpenTime < end, cancellationToken);
            if (count == 0)
            {
                throw Invalid("start",
                    $"There are no {interval} bars for {symbol} between {Iso(start)} and {Iso(end)}; the data runs from {Iso(range.First)} to {Iso(range.Last + interval.Duration)}.");
            }

            total += count;
        }

        if (total > options.Value.MaxBars)
        {
            throw Invalid("end", $"The backtest would replay {total:N0} bars; the most is {options.Value.MaxBars:N0}. Shorten the period or use a longer interval.");
        }
    }

    private async Task<BacktestRun> FindOwnedAsync(Guid ownerId, BacktestId id, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.Backtests : db.Backtests.AsNoTracking();
        return await query.SingleOrDefaultAsync(b => b.Id == id && b.OwnerId == ownerId, cancellationToken)
            ?? throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Backtest not found.");
    }

    private static ApiException Invalid(string field, string message) =>
        new(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, message, new Dictionary<string, string[]> { [field] = [message] });

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
