using Microsoft.EntityFrameworkCore;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Worker.Analytics;

/// <summary>
/// Adds the fills of an account change to its account's, symbol's and UTC day's statistics. The change's fills are
/// summed per symbol and day first, then one upsert statement per key, so concurrent fills of the same key (several
/// Worker replicas) add up instead of racing; it runs in the consumer's transaction with the inbox row. A change
/// without fills (an order placed or cancelled, a deposit) changes nothing.
/// </summary>
internal sealed class FillStatisticsHandler(AnalyticsDbContext db, TimeProvider time) : IIntegrationEventHandler<AccountChangedIntegrationEvent>
{
    public async Task HandleAsync(AccountChangedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        if (e.Fills.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var keys = e.Fills.GroupBy(f => (f.Symbol, Day: DateOnly.FromDateTime(f.ExecutedAt.UtcDateTime)));
        foreach (var key in keys)
        {
            var (symbol, day) = key.Key;
            var fills = key.Count();
            var volume = key.Sum(f => f.Quantity);
            var notional = key.Sum(f => f.Quantity * f.Price);
            var commission = key.Sum(f => f.Commission);
            var realized = key.Sum(f => f.RealizedPnl);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO analytics.fill_statistics
                    ("AccountId", "Symbol", "Day", "UserId", "Fills", "Volume", "Notional", "Commission", "RealizedPnl", "UpdatedAt")
                VALUES ({e.AccountId}, {symbol}, {day}, {e.UserId}, {fills}, {volume}, {notional}, {commission}, {realized}, {now})
                ON CONFLICT ("AccountId", "Symbol", "Day") DO UPDATE SET
                    "Fills" = fill_statistics."Fills" + EXCLUDED."Fills",
                    "Volume" = fill_statistics."Volume" + EXCLUDED."Volume",
                    "Notional" = fill_statistics."Notional" + EXCLUDED."Notional",
                    "Commission" = fill_statistics."Commission" + EXCLUDED."Commission",
                    "RealizedPnl" = fill_statistics."RealizedPnl" + EXCLUDED."RealizedPnl",
                    "UpdatedAt" = EXCLUDED."UpdatedAt"
                """, cancellationToken);
        }
    }
}
