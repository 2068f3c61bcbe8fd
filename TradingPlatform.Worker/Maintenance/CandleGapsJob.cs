using Microsoft.EntityFrameworkCore;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Worker.Maintenance;

/// <summary>
/// The feed stores a 1-minute candle for every minute an instrument's market is open; one that is missing means the
/// feed stopped (no leader, the database refused the write) and every chart, backtest and indicator over that span
/// is short of data. Hourly, this reads the last <see cref="Window"/> of each active instrument's 1-minute bars and
/// reports the missing ones with the backtest engine's rule (<see cref="GapDetector"/>: a bar is missing when its
/// market was open), plus a feed that has written nothing for more than <see cref="Stale"/> while the market is
/// open. It reports and never fills: a made-up bar would be worse than a gap. Read-only, so a repeat is harmless.
/// </summary>
internal sealed class CandleGapsJob(TradingDbContext db, TimeProvider time, ILogger<CandleGapsJob> logger) : ICandleGapsJob
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(3);

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var from = now - Window;
        var instruments = await db.Set<Instrument>().AsNoTracking().Where(i => i.Active).OrderBy(i => i.Symbol).ToListAsync(cancellationToken);
        var findings = new List<string>();
        foreach (var instrument in instruments)
        {
            var interval = CandleInterval.OneMinute;
            var bars = await db.Set<Candle>().AsNoTracking()
                .Where(c => c.Symbol == instrument.Symbol && c.Interval == interval && c.OpenTime >= from)
                .OrderBy(c => c.OpenTime).ToListAsync(cancellationToken);
            if (bars.Count == 0)
            {
                // No history yet (generated in the background at first start) or an instrument added since: nothing to compare.
                continue;
            }

            var detector = new GapDetector([instrument], interval);
            foreach (var bar in bars)
            {
                detector.Observe(bar, 0);
            }

            var missing = detector.Gaps.Sum(g => g.MissingBars);
            if (missing > 0)
            {
                var largest = detector.Gaps.MaxBy(g => g.MissingBars)!;
                findings.Add($"{instrument.Symbol}: {missing} missing 1-minute bar(s) in {detector.Gaps.Count} gap(s); the largest {largest.MissingBars} between {largest.After:u} and {largest.Before:u}");
            }

            var last = bars[^1].OpenTime;
            if (now - last > Stale && instrument.Hours.IsOpen(now))
            {
                findings.Add($"{instrument.Symbol}: no 1-minute bar since {last:u} although the market is open");
            }
        }

        foreach (var finding in findings)
        {
            logger.LogWarning("Candle check: {Finding}", finding);
        }

        return findings.Count == 0
            ? $"No gaps in the last {Window.TotalHours:0} h of 1-minute bars of {instruments.Count} active instrument(s)."
            : string.Join(Environment.NewLine, findings);
    }
}
