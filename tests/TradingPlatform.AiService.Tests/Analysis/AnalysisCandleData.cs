using Microsoft.EntityFrameworkCore;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Data;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.AiService.Tests.Analysis;

/// <summary>Candles of one symbol and interval written where the Api keeps them (any earlier ones of that pair removed first).</summary>
internal static class AnalysisCandleData
{
    public static async Task AddAsync(InfrastructureFixture infrastructure, string symbol, CandleInterval interval, IReadOnlyList<decimal> closes)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        await using var trading = new TradingDbContext(new DbContextOptionsBuilder<TradingDbContext>()
            .UseNpgsql(infrastructure.TradingDb, TradingDbContext.ConfigureNpgsql).Options);
        await trading.Database.MigrateAsync();
        await trading.Set<Candle>().Where(c => c.Symbol == symbol && c.Interval == interval).ExecuteDeleteAsync();
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < closes.Count; i++)
        {
            var close = closes[i];
            trading.Set<Candle>().Add(new Candle(symbol, interval, start + (interval.Duration * i), close, close + 0.5m, close - 0.5m, close, 1m));
        }

        await trading.SaveChangesAsync();
    }
}
