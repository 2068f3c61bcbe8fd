using Microsoft.EntityFrameworkCore;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.AiService.Tests.Support;

/// <summary>
/// Candles a model trains on, written where the Api keeps them (<c>trading.candles</c>, the trading schema migrated as
/// the Api migrates it): a deterministic random walk with a slow cycle under a symbol of the test's own.
/// </summary>
internal static class CandleData
{
    public static readonly DateTimeOffset Start = new(2026, 2, 2, 0, 0, 0, TimeSpan.Zero);

    public static async Task<IReadOnlyList<decimal>> AddMinutesAsync(InfrastructureFixture infrastructure, string symbol, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        await using var trading = new TradingDbContext(new DbContextOptionsBuilder<TradingDbContext>()
            .UseNpgsql(infrastructure.TradingDb, TradingDbContext.ConfigureNpgsql).Options);
        await trading.Database.MigrateAsync();
        var random = new Random(seed);
        var price = 100.0;
        var closes = new List<decimal>(count);
        for (var i = 0; i < count; i++)
        {
            price *= 1 + (0.001 * (random.NextDouble() - 0.5)) + (0.0002 * Math.Sin(i / 40.0));
            var close = Math.Round((decimal)price, 4);
            closes.Add(close);
            trading.Set<Candle>().Add(new Candle(symbol, CandleInterval.OneMinute, Start.AddMinutes(i), close, close, close, close, 1m));
        }

        await trading.SaveChangesAsync();
        return closes;
    }
}
