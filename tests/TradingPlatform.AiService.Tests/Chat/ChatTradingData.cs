using Microsoft.EntityFrameworkCore;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.AiService.Tests.Chat;

/// <summary>An account with one open position for a user, written where the Api keeps them (the trading schema, migrated as the Api does).</summary>
internal static class ChatTradingData
{
    public static async Task AddOpenPositionAsync(InfrastructureFixture infrastructure, Guid owner, string symbol, decimal quantity, decimal entryPrice, decimal margin)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        await using var trading = new TradingDbContext(new DbContextOptionsBuilder<TradingDbContext>()
            .UseNpgsql(infrastructure.TradingDb, TradingDbContext.ConfigureNpgsql).Options);
        await trading.Database.MigrateAsync();
        var account = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await trading.Database.ExecuteSqlAsync($"""
            INSERT INTO trading.accounts ("Id", "OwnerId", "Name", "IsDemo", "MaxLeverage", "InitialBalance", "Balance", "RealizedPnl", "DayStartEquity",
                "TradingDay", "IsDefault", "CreatedAt", "UpdatedAt")
            VALUES ({account}, {owner}, 'chat test', TRUE, 10, 10000, 10000, 0, 10000, {DateOnly.FromDateTime(now.UtcDateTime)}, FALSE, {now}, {now})
            """);
        await trading.Database.ExecuteSqlAsync($"""
            INSERT INTO trading.positions ("Id", "AccountId", "Symbol", "Side", "Quantity", "EntryPrice", "Margin", "LiquidationPrice", "RealizedPnl",
                "FilledQuantityTotal", "ClosePrice", "OpenedAt", "UpdatedAt")
            VALUES ({Guid.NewGuid()}, {account}, {symbol}, 'Long', {quantity}, {entryPrice}, {margin}, {entryPrice * 0.9m}, 0, {quantity}, 0, {now}, {now})
            """);
    }
}
