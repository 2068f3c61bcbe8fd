using Microsoft.EntityFrameworkCore;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Api.Strategies;

/// <summary>
/// A strategy's closed trades are the fills of its orders that realised P&amp;L (the closing fills), net of their
/// commission, in the order they happened.
/// </summary>
internal sealed class FillStrategyTradeSource(TradingDbContext db) : IStrategyTradeSource
{
    public async Task<IReadOnlyList<ClosedTrade>> GetClosedTradesAsync(StrategyId strategyId, CancellationToken cancellationToken) =>
        await db.Fills.AsNoTracking()
            .Where(f => f.StrategyId == strategyId && f.RealizedPnl != 0m)
            .OrderBy(f => f.ExecutedAt)
            .Select(f => new ClosedTrade(f.Symbol, f.ExecutedAt, f.RealizedPnl - f.Commission))
            .ToListAsync(cancellationToken);
}
