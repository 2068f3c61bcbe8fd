using Microsoft.EntityFrameworkCore;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Infrastructure.Accounts;

namespace TradingPlatform.Api.Portfolio;

/// <summary>
/// The portfolio of one account. Performance over a period compares equity now with the last snapshot taken at or
/// before the period's start; an account younger than the period compares with its initial balance.
/// </summary>
internal sealed class PortfolioService(TradingDbContext db, AccountBookStore store, IMarketView market, TimeProvider time)
{
    public async Task<PortfolioResponse> GetAsync(Guid ownerId, AccountId accountId, CancellationToken cancellationToken)
    {
        var book = await store.ReadAsync(accountId, ownerId, cancellationToken);
        var snapshot = MarginCalculator.Snapshot(book, market);
        var now = time.GetUtcNow();
        var performance = new PortfolioPerformance(
            await ReturnSinceAsync(book.Account, snapshot.Equity, now.AddDays(-1), cancellationToken),
            await ReturnSinceAsync(book.Account, snapshot.Equity, now.AddDays(-7), cancellationToken),
            await ReturnSinceAsync(book.Account, snapshot.Equity, now.AddMonths(-1), cancellationToken),
            await ReturnSinceAsync(book.Account, snapshot.Equity, now.AddYears(-1), cancellationToken));
        return new PortfolioResponse(
            accountId.Value, snapshot.Equity, snapshot.MarginAvailable, snapshot.Balance, snapshot.MarginUsed, snapshot.UnrealizedPnl,
            snapshot.RealizedPnl, snapshot.RealizedPnl + snapshot.UnrealizedPnl, snapshot.DayPnl, book.OpenPositions.Count,
            book.WorkingOrders.Count, performance, now);
    }

    private async Task<decimal> ReturnSinceAsync(TradingAccount account, decimal equity, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var then = await db.EquitySnapshots.AsNoTracking()
            .Where(s => s.AccountId == account.Id && s.At <= since)
            .OrderByDescending(s => s.At).Select(s => (decimal?)s.Equity).FirstOrDefaultAsync(cancellationToken);
        var start = then ?? account.InitialBalance;
        return start <= 0 ? 0m : Math.Round(equity / start - 1m, 6);
    }
}
