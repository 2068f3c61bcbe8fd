using Microsoft.EntityFrameworkCore;
using TradingPlatform.AiService.Data;

namespace TradingPlatform.AiService.News;

/// <summary>
/// The stored items a sentiment aggregate counts: published in the window before <c>now</c> (and not beyond the
/// future tolerance after it), for one symbol or, without one, all.
/// </summary>
internal static class NewsSentimentQuery
{
    /// <summary>The most items one aggregate reads (the newest).</summary>
    public const int MaxItems = 10_000;

    public static bool InWindow(DateTimeOffset publishedAt, SentimentWindow window, DateTimeOffset now, TimeSpan futureTolerance) =>
        publishedAt > now - window.Length && publishedAt <= now + futureTolerance;

    public static IQueryable<NewsItem> Items(AiDbContext db, string? symbol, SentimentWindow window, DateTimeOffset now, TimeSpan futureTolerance)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (from, to) = (now - window.Length, now + futureTolerance);
        var items = db.NewsItems.AsNoTracking().Where(n => n.PublishedAt > from && n.PublishedAt <= to);
        return symbol is null ? items : items.Where(n => n.Symbols.Contains(symbol));
    }

    public static async Task<List<(DateTimeOffset PublishedAt, double Score)>> ScoresAsync(
        AiDbContext db, string? symbol, SentimentWindow window, DateTimeOffset now, TimeSpan futureTolerance, CancellationToken cancellationToken)
    {
        var rows = await Items(db, symbol, window, now, futureTolerance)
            .OrderByDescending(n => n.PublishedAt).Take(MaxItems)
            .Select(n => new { n.PublishedAt, n.SentimentScore }).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => (r.PublishedAt, r.SentimentScore));
    }
}
