using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Positions;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Worker.Analysis.Figures;

/// <summary>
/// Reads one user's strategies, accounts and realised results from the trading schema: each fill of their accounts
/// within <see cref="ConfigAnalysisOptions.ResultsDays"/> with its order's leverage and its position's entry price and
/// close reason. A strategy's results are the fills its orders made; an account's, every fill in it.
/// </summary>
internal sealed class UserFiguresLoader(TradingDbContext db, IOptions<ConfigAnalysisOptions> options, TimeProvider time)
{
    /// <summary>Used when a strategy has no account to measure its drawdown against.</summary>
    private const decimal DefaultCapitalBase = 10_000m;

    public async Task<UserFigures> LoadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now.AddDays(-options.Value.ResultsDays);
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.OwnerId == userId && a.DeletedAt == null)
            .OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        var strategies = await db.Set<Strategy>().AsNoTracking().Where(s => s.OwnerId == userId)
            .OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);

        var fills = new List<LoadedFill>();
        foreach (var account in accounts)
        {
            var id = account.Id;
            fills.AddRange(await (
                from fill in db.Fills.AsNoTracking()
                join order in db.Orders.AsNoTracking() on fill.OrderId equals order.Id
                join position in db.Positions.AsNoTracking() on fill.PositionId equals position.Id
                where fill.AccountId == id && fill.ExecutedAt >= since
                select new LoadedFill(fill.AccountId, fill.StrategyId, fill.PositionId, position.CloseReason,
                    new FillRecord(fill.ExecutedAt, fill.RealizedPnl, fill.Commission, fill.Quantity, position.EntryPrice, order.Leverage)))
                .ToListAsync(cancellationToken));
        }

        var accountFigures = accounts.Select(account =>
        {
            var own = fills.Where(f => f.AccountId == account.Id).ToList();
            var (stops, liquidations) = CloseReasons(own);
            return new AccountFigures(account.Id.Value, account.Name, account.MaxLeverage, account.MaxDailyLoss, account.InitialBalance,
                account.Balance, ResultFigures.Calculate(own.Select(f => f.Record), account.InitialBalance), stops, liquidations);
        }).ToList();

        var strategyFigures = new List<StrategyFigures>(strategies.Count);
        foreach (var strategy in strategies)
        {
            var own = fills.Where(f => f.StrategyId == strategy.Id).ToList();
            var accountId = strategy.AccountId ?? own.Select(f => (AccountId?)f.AccountId).FirstOrDefault();
            var capital = accounts.FirstOrDefault(a => a.Id == accountId)?.InitialBalance ?? DefaultCapitalBase;
            var (stops, liquidations) = CloseReasons(own);
            strategyFigures.Add(new StrategyFigures(strategy.Id.Value, strategy.Name, strategy.Status, strategy.Algorithm, strategy.Interval.Code,
                strategy.Symbols, strategy.Parameters, strategy.RiskManagement, accountId?.Value, capital,
                ResultFigures.Calculate(own.Select(f => f.Record), capital), stops, liquidations,
                await AverageRangeAsync(strategy.Symbols, strategy.Interval, now, cancellationToken)));
        }

        return new UserFigures(userId, accountFigures, strategyFigures);
    }

    /// <summary>Positions (each counted once) that a stop-loss or a liquidation closed.</summary>
    private static (int StopLossHits, int Liquidations) CloseReasons(IEnumerable<LoadedFill> fills)
    {
        var positions = fills.GroupBy(f => f.PositionId).Select(g => g.First().CloseReason).ToList();
        return (positions.Count(r => r == PositionCloseReason.StopLoss), positions.Count(r => r == PositionCloseReason.Liquidation));
    }

    /// <summary>Mean (high − low) / close in percent of the symbols' bars over the backtest period; null without bars.</summary>
    private async Task<decimal?> AverageRangeAsync(IReadOnlyList<string> symbols, CandleInterval interval, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = now.AddDays(-options.Value.BacktestDays);
        var ranges = new List<decimal>();
        foreach (var symbol in symbols)
        {
            ranges.AddRange(await db.Set<Candle>().AsNoTracking()
                .Where(c => c.Symbol == symbol && c.Interval == interval && c.OpenTime >= from && c.OpenTime < now && c.Close > 0m)
                .Select(c => (c.High - c.Low) / c.Close)
                .ToListAsync(cancellationToken));
        }

        return ranges.Count == 0 ? null : Math.Round(100m * ranges.Average(), 3);
    }

    private sealed record LoadedFill(AccountId AccountId, StrategyId? StrategyId, PositionId PositionId, PositionCloseReason? CloseReason, FillRecord Record);
}
