using Microsoft.EntityFrameworkCore;
using TradingPlatform.AiService.Data;

namespace TradingPlatform.AiService.Training;

/// <summary>
/// The closes a model trains on, read from the Api's <c>trading.candles</c> with plain SQL (the AiService does not
/// reference the trading domain): one symbol and interval, in time order, the latest <paramref name="maxBars"/> of the range.
/// </summary>
internal static class CandleSeries
{
    public sealed record Bar(DateTimeOffset OpenTime, decimal Close);

    /// <summary>How many bars <see cref="ReadAsync"/> would return, counted in the database (the request's check needs no prices).</summary>
    public static async Task<int> CountAsync(
        AiDbContext db, string symbol, string interval, DateTimeOffset? start, DateTimeOffset? end, int maxBars, CancellationToken cancellationToken)
    {
        var (from, to) = Range(start, end);
        var count = await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM trading.candles
            WHERE symbol = {symbol} AND interval = {interval} AND open_time >= {from} AND open_time < {to}
            """).SingleAsync(cancellationToken);
        return Math.Min(count, maxBars);
    }

    public static async Task<IReadOnlyList<Bar>> ReadAsync(
        AiDbContext db, string symbol, string interval, DateTimeOffset? start, DateTimeOffset? end, int maxBars, CancellationToken cancellationToken)
    {
        var (from, to) = Range(start, end);
        var bars = await db.Database.SqlQuery<Bar>($"""
            SELECT open_time AS "OpenTime", close AS "Close" FROM (
                SELECT open_time, close FROM trading.candles
                WHERE symbol = {symbol} AND interval = {interval} AND open_time >= {from} AND open_time < {to}
                ORDER BY open_time DESC LIMIT {maxBars}) latest
            ORDER BY open_time
            """).ToListAsync(cancellationToken);
        return bars;
    }

    /// <summary>Finite bounds for an open range: Npgsql would send DateTimeOffset.MinValue and MaxValue as -infinity and infinity.</summary>
    private static (DateTimeOffset From, DateTimeOffset To) Range(DateTimeOffset? start, DateTimeOffset? end) =>
        (start ?? new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero), end ?? new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero));
}
