using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Market;
using TradingPlatform.Api.Strategies.Live;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;
using TradingPlatform.Trading.Infrastructure.Accounts;

namespace TradingPlatform.Api.TickProcessing;

/// <summary>
/// Applies each tick to the accounts it can affect: those with a working order the tick reaches (or a market remainder,
/// a trailing stop to move, a DAY order past its session) and those with a position whose liquidation, stop-loss or
/// take-profit the tick reaches. The database finds them, so a tick costs nothing for untouched accounts; each account
/// is then changed under its row lock like any other change. Then the live strategies hear the tick
/// (<see cref="LiveStrategyRunner"/>), in that order for every tick, as a tick-replay backtest processes it.
/// </summary>
/// <remarks>
/// The market view is resolved per batch, not injected: the quote book it reads holds this processor as a subscriber,
/// and a constructor dependency would make the two singletons wait on each other.
/// </remarks>
internal sealed class TickProcessor(IServiceScopeFactory scopes, LiveStrategyRunner strategies, ILogger<TickProcessor> logger) : ITickSubscriber
{
    public async ValueTask OnTicksAsync(IReadOnlyList<Quote> ticks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<AccountBookStore>();
        var market = scope.ServiceProvider.GetRequiredService<IMarketView>();
        await strategies.RefreshIfDueAsync(scope.ServiceProvider, cancellationToken);
        foreach (var quote in ticks)
        {
            foreach (var accountId in await AffectedAccountsAsync(db, quote, cancellationToken))
            {
                try
                {
                    await store.ChangeAsync(accountId, ownerId: null, (book, now, _) =>
                    {
                        ExecutionSimulator.OnQuote(book, quote, market, now);
                        return Task.FromResult(true);
                    }, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    logger.LogError(exception, "Applying a {Symbol} tick to account {AccountId} failed", quote.Symbol, accountId);
                }
            }

            await strategies.OnTickAsync(scope.ServiceProvider, quote, cancellationToken);
        }
    }

    public static async Task<List<AccountId>> AffectedAccountsAsync(TradingDbContext db, Quote quote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(quote);
        var (symbol, bid, ask, at) = (quote.Symbol, quote.Bid, quote.Ask, quote.Timestamp);
        // The simulator's own rule (OrderMarketability.AffectedRule), translated by EF Core: the orders a tick changes
        // (MarketabilityRuleTests holds the rule to the simulator, TickPreFilterTests this query to the rule), so the
        // pre-filter neither misses an account nor locks one whose orders the tick leaves as they were.
        var orders = db.Orders.Where(o => o.Symbol == symbol).Where(OrderMarketability.AffectedBy(bid, ask, at))
            .Select(o => o.AccountId);
        var positions = db.Positions.Where(p => p.Symbol == symbol && p.ClosedAt == null && (
                (p.Side == PositionSide.Long && (p.LiquidationPrice >= bid || p.StopLoss >= bid || p.TakeProfit <= bid)) ||
                (p.Side == PositionSide.Short && ((p.LiquidationPrice > 0 && p.LiquidationPrice <= ask) || p.StopLoss <= ask || p.TakeProfit >= ask))))
            .Select(p => p.AccountId);
        return await orders.Union(positions).ToListAsync(cancellationToken);
    }
}
