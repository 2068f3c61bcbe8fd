using Microsoft.EntityFrameworkCore;
using TradingPlatform.AiService.Data;

namespace TradingPlatform.AiService.Analysis;

/// <summary>The latest bars of a symbol and interval from the Api's <c>trading.candles</c>, oldest first (plain SQL, as <c>CandleSeries</c>).</summary>
internal static class AnalysisCandles
{
    private sealed record Row(DateTimeOffset OpenTime, decimal High, decimal Low, decimal Close);

    public static async Task<IReadOnlyList<PriceBar>> ReadAsync(AiDbContext db, string symbol, string interval, int maxBars, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT open_time AS "OpenTime", high AS "High", low AS "Low", close AS "Close" FROM (
                SELECT open_time, high, low, close FROM trading.candles
                WHERE symbol = {symbol} AND interval = {interval}
                ORDER BY open_time DESC LIMIT {maxBars}) latest
            ORDER BY open_time
            """).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new PriceBar(r.OpenTime, (double)r.High, (double)r.Low, (double)r.Close));
    }
}
