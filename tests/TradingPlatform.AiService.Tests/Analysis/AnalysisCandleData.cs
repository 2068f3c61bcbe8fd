using Microsoft.EntityFrameworkCore;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.AiService.Tests.Analysis;

/// <summary>Candles of one symbol and interval written where the Api keeps them (any earlier ones of that pair removed first).</summary>
internal static class AnalysisCandleData
{
    public static Task AddAsync(InfrastructureFixture infrastructure, string symbol, CandleInterval interval, IReadOnlyList<decimal> closes) =>
        AddAsync(infrastructure, symbol, interval, [.. closes.Select(c => (c + 0.5m, c - 0.5m, c))]);

    public static async Task AddAsync(InfrastructureFixture infrastructure, string symbol, CandleInterval interval, IReadOnlyList<(decimal High, decimal Low, decimal Close)> bars)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        await using var trading = new TradingDbContext(new DbContextOptionsBuilder<TradingDbContext>()
            .UseNpgsql(infrastructure.TradingDb, TradingDbContext.ConfigureNpgsql).Options);
        await trading.Database.MigrateAsync();
        await trading.Set<Candle>().Where(c => c.Symbol == symbol && c.Interval == interval).ExecuteDeleteAsync();
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < bars.Count; i++)
        {
            var (high, low, close) = bars[i];
            trading.Set<Candle>().Add(new Candle(symbol, interval, start + (interval.Duration * i), close, high, low, close, 1m));
        }

        await trading.SaveChangesAsync();
    }
}
