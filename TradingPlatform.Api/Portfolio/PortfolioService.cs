using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Infrastructure.Accounts;

namespace TradingPlatform.Api.Portfolio;

/// <summary>
/// The portfolio of one account. Performance over a period compares equity now with the last snapshot taken at or
/// before the period's start; an account younger than the period compares with its initial balance. The account, its
/// open positions and those four snapshots come in one query and its working orders in a second (see
/// <see cref="AccountBookReader"/>); the prices are the in-memory quotes.
/// </summary>
internal sealed class PortfolioService(AccountBookReader reader, IMarketView market, TimeProvider time)
{
    public async Task<PortfolioResponse> GetAsync(Guid ownerId, AccountId accountId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (book, history) = await reader.ReadWithEquityAsync(ownerId, accountId, EquityHistoryPoints.Before(now), cancellationToken);
        var snapshot = MarginCalculator.Snapshot(book, market);
        var account = book.Account;
        var performance = new PortfolioPerformance(
            ReturnSince(account, snapshot.Equity, history.Day),
            ReturnSince(account, snapshot.Equity, history.Week),
            ReturnSince(account, snapshot.Equity, history.Month),
            ReturnSince(account, snapshot.Equity, history.Year));
        return new PortfolioResponse(
            accountId.Value, snapshot.Equity, snapshot.MarginAvailable, snapshot.Balance, snapshot.MarginUsed, snapshot.UnrealizedPnl,
            snapshot.RealizedPnl, snapshot.RealizedPnl + snapshot.UnrealizedPnl, snapshot.DayPnl, book.OpenPositions.Count,
            book.WorkingOrders.Count, performance, now);
    }

    private static decimal ReturnSince(TradingAccount account, decimal equity, decimal? then)
    {
        var start = then ?? account.InitialBalance;
        return start <= 0 ? 0m : Math.Round(equity / start - 1m, 6);
    }
}
