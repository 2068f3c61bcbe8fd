using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Worker.Maintenance;
using TradingPlatform.Worker.Tests.Backtests;

namespace TradingPlatform.Worker.Tests.Maintenance;

/// <summary>
/// The Worker's read-only checks: missing 1-minute bars while a market was open (and a feed gone quiet during a
/// session) are reported per instrument, a closed market's night is not; an outbox event that waited past the
/// threshold is reported, one within it is not. Each test looks only at its own instruments' lines; the outbox is
/// shared, so its test places the clock relative to the oldest waiting event.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class DataChecksJobsTests(InfrastructureFixture infrastructure)
{
    /// <summary>A Tuesday noon, UTC: New York's market opens at 14:30 (before daylight saving time starts).</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);

    private readonly BacktestData _data = new(infrastructure);
    private readonly FakeTimeProvider _time = new(Now);

    private async Task<Instrument> AddInstrumentAsync(string template, string prefix)
    {
        var instrument = InstrumentCatalog.Find(template)! with { Symbol = $"{prefix}{Guid.NewGuid():N}"[..16].ToUpperInvariant() };
        await using var db = _data.CreateContext();
        db.Set<Instrument>().Add(instrument);
        await db.SaveChangesAsync();
        return instrument;
    }

    private async Task AddBarsAsync(Instrument instrument, IEnumerable<DateTimeOffset> openTimes)
    {
        await using var db = _data.CreateContext();
        db.Set<Candle>().AddRange(openTimes.Select(t => new Candle(instrument.Symbol, CandleInterval.OneMinute, t, 100m, 101m, 99m, 100.5m, 1m)));
        await db.SaveChangesAsync();
    }

    private static IEnumerable<DateTimeOffset> Minutes(DateTimeOffset from, DateTimeOffset to)
    {
        for (var t = from; t < to; t = t.AddMinutes(1))
        {
            yield return t;
        }
    }

    [Fact]
    public async Task Missing_bars_while_the_market_was_open_and_a_quiet_feed_are_reported_a_closed_night_is_not()
    {
        await _data.EnsureSchemaAsync();
        var holed = await AddInstrumentAsync("BTC-USD", "GAP");
        var hole = Now.AddHours(-10);
        await AddBarsAsync(holed, Minutes(Now.AddHours(-24), Now).Where(t => t < hole || t >= hole.AddMinutes(5)));

        // Yesterday's whole session, 14:30 to 21:00 UTC, and nothing since: the night and this morning are closed.
        var stock = await AddInstrumentAsync("AAPL", "STK");
        await AddBarsAsync(stock, Minutes(new DateTimeOffset(2026, 3, 2, 14, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 21, 0, 0, TimeSpan.Zero)));

        var quiet = await AddInstrumentAsync("ETH-USD", "QUI");
        await AddBarsAsync(quiet, Minutes(Now.AddHours(-2), Now.AddMinutes(-10)));

        await using var db = _data.CreateContext();
        var report = await new CandleGapsJob(db, _time, NullLogger<CandleGapsJob>.Instance).RunAsync(CancellationToken.None);

        var lines = report.Split(Environment.NewLine);
        Assert.Equal(
            [$"{holed.Symbol}: 5 missing 1-minute bar(s) in 1 gap(s); the largest 5 between {hole.AddMinutes(-1):u} and {hole.AddMinutes(5):u}"],
            lines.Where(l => l.StartsWith(holed.Symbol, StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith(stock.Symbol, StringComparison.Ordinal));
        Assert.Equal(
            [$"{quiet.Symbol}: no 1-minute bar since {Now.AddMinutes(-11):u} although the market is open"],
            lines.Where(l => l.StartsWith(quiet.Symbol, StringComparison.Ordinal)));

        // When the stock's market is open again and its feed is silent, it is reported too.
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero));
        var open = await new CandleGapsJob(db, _time, NullLogger<CandleGapsJob>.Instance).RunAsync(CancellationToken.None);
        Assert.Contains($"{stock.Symbol}: no 1-minute bar since {new DateTimeOffset(2026, 3, 2, 20, 59, 0, TimeSpan.Zero):u} although the market is open",
            open.Split(Environment.NewLine));
    }

    [Fact]
    public async Task An_event_waiting_past_the_threshold_is_reported_one_within_it_is_not()
    {
        await _data.EnsureSchemaAsync();
        await using var db = _data.CreateContext();
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = Guid.NewGuid(), Type = "DataChecksProbe", RoutingKey = "test.data_checks", OccurredAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        var oldest = await db.Set<OutboxMessage>().Where(m => m.SentAt == null).MinAsync(m => m.OccurredAt);
        // The clock of this test starts from the oldest waiting event, whenever other tests stamped theirs.
        var time = new FakeTimeProvider(oldest + OutboxBacklogJob.Threshold - TimeSpan.FromSeconds(1));
        var job = new OutboxBacklogJob(db, time, NullLogger<OutboxBacklogJob>.Instance);

        var within = await job.RunAsync(CancellationToken.None);
        Assert.Matches(@"^\d+ event\(s\) waiting; none older than 60 s\.$", within);

        time.Advance(TimeSpan.FromSeconds(2));
        var behind = await job.RunAsync(CancellationToken.None);
        Assert.StartsWith("BEHIND: ", behind, StringComparison.Ordinal);
        Assert.Contains($"the oldest since {oldest:u}", behind, StringComparison.Ordinal);
    }
}
