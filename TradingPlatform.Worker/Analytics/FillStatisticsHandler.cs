using Microsoft.EntityFrameworkCore;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Worker.Analytics;

/// <summary>
/// Adds a fill to its account's, symbol's and UTC day's statistics. One upsert statement, so concurrent fills of the
/// same key (several Worker replicas) add up instead of racing; it runs in the consumer's transaction with the inbox row.
/// </summary>
internal sealed class FillStatisticsHandler(AnalyticsDbContext db, TimeProvider time) : IIntegrationEventHandler<OrderFilledIntegrationEvent>
{
    public async Task HandleAsync(OrderFilledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var fill = integrationEvent;
        var day = DateOnly.FromDateTime(fill.ExecutedAt.UtcDateTime);
        var notional = fill.Quantity * fill.Price;
        var now = time.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO analytics.fill_statistics
                ("AccountId", "Symbol", "Day", "UserId", "Fills", "Volume", "Notional", "Commission", "RealizedPnl", "UpdatedAt")
            VALUES ({fill.AccountId}, {fill.Symbol}, {day}, {fill.UserId}, 1, {fill.Quantity}, {notional}, {fill.Commission}, {fill.RealizedPnl}, {now})
            ON CONFLICT ("AccountId", "Symbol", "Day") DO UPDATE SET
                "Fills" = fill_statistics."Fills" + 1,
                "Volume" = fill_statistics."Volume" + EXCLUDED."Volume",
                "Notional" = fill_statistics."Notional" + EXCLUDED."Notional",
                "Commission" = fill_statistics."Commission" + EXCLUDED."Commission",
                "RealizedPnl" = fill_statistics."RealizedPnl" + EXCLUDED."RealizedPnl",
                "UpdatedAt" = EXCLUDED."UpdatedAt"
            """, cancellationToken);
    }
}
