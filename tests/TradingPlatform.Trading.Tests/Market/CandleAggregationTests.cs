using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Tests.Market;

public sealed class CandleAggregationTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private static Candle Minute(int minute, decimal open, decimal high, decimal low, decimal close, decimal volume) =>
        new("TEST", CandleInterval.OneMinute, Midnight.AddMinutes(minute), open, high, low, close, volume);

    private static Quote Tick(DateTimeOffset at, decimal last, decimal volume) => new("TEST", last, last, last, 1, 1, volume, at);

    [Theory]
    [InlineData("1m", 60)]
    [InlineData("5m", 300)]
    [InlineData("15m", 900)]
    [InlineData("1h", 3600)]
    [InlineData("4h", 14400)]
    [InlineData("1d", 86400)]
    public void Intervals_parse_and_align_to_UTC(string code, int seconds)
    {
        Assert.True(CandleInterval.TryParse(code, out var interval));
        Assert.Equal(TimeSpan.FromSeconds(seconds), interval.Value.Duration);
        var instant = new DateTimeOffset(2026, 11, 23, 13, 47, 31, TimeSpan.FromHours(2));
        var floor = interval.Value.Floor(instant);
        Assert.Equal(TimeSpan.Zero, floor.Offset);
        Assert.True(floor <= instant && instant < floor + interval.Value.Duration);
        Assert.Equal(0, (floor - Midnight).Ticks % interval.Value.Duration.Ticks);
    }

    [Theory]
    [InlineData("2m")]
    [InlineData("1H")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_intervals_are_refused(string? code) => Assert.False(CandleInterval.TryParse(code, out _));

    [Fact]
    public void Minute_candles_are_built_from_ticks()
    {
        var builder = new CandleBuilder("TEST", CandleInterval.OneMinute);
        Assert.Null(builder.Add(Tick(Midnight.AddSeconds(1), 10, 1)));
        Assert.Null(builder.Add(Tick(Midnight.AddSeconds(20), 12, 2)));
        Assert.Null(builder.Add(Tick(Midnight.AddSeconds(40), 9, 3)));
        Assert.Null(builder.Add(Tick(Midnight.AddSeconds(59), 11, 4)));
        Assert.Equal(new Candle("TEST", CandleInterval.OneMinute, Midnight, 10, 12, 9, 11, 10), builder.Current);

        // The first tick of the third minute completes the first: the empty minute in between gets no candle.
        var completed = builder.Add(Tick(Midnight.AddMinutes(2).AddSeconds(3), 13, 5));
        Assert.Equal(new Candle("TEST", CandleInterval.OneMinute, Midnight, 10, 12, 9, 11, 10), completed);
        Assert.Equal(Midnight.AddMinutes(2), builder.Current!.OpenTime);

        // A late tick for a completed minute changes nothing.
        Assert.Null(builder.Add(Tick(Midnight.AddSeconds(30), 100, 1)));
        Assert.Equal(13, builder.Current.High);

        Assert.Null(builder.Flush(Midnight.AddMinutes(2).AddSeconds(59)));
        Assert.Equal(Midnight.AddMinutes(2), builder.Flush(Midnight.AddMinutes(3))!.OpenTime);
        Assert.Null(builder.Current);
    }

    [Fact]
    public void Aggregation_combines_open_high_low_close_and_volume()
    {
        var minutes = new[]
        {
            Minute(0, 10, 11, 9, 10.5m, 1),
            Minute(1, 10.5m, 14, 10, 13, 2),
            Minute(2, 13, 13, 8, 8.5m, 3),
            Minute(5, 8.5m, 9, 8, 9, 4),
        };
        var fives = CandleAggregator.Aggregate(minutes, CandleInterval.FiveMinutes);
        Assert.Equal(
            [
                new Candle("TEST", CandleInterval.FiveMinutes, Midnight, 10, 14, 8, 8.5m, 6),
                new Candle("TEST", CandleInterval.FiveMinutes, Midnight.AddMinutes(5), 8.5m, 9, 8, 9, 4),
            ],
            fives);
    }

    [Fact]
    public void Gaps_are_never_filled()
    {
        // 00:00–00:14 and 01:00–01:04: the 15-minute buckets in between do not exist.
        var minutes = Enumerable.Range(0, 15).Concat(Enumerable.Range(60, 5)).Select(m => Minute(m, 1, 2, 0.5m, 1.5m, 1)).ToList();
        var fifteen = CandleAggregator.Aggregate(minutes, CandleInterval.FifteenMinutes);
        Assert.Equal([Midnight, Midnight.AddHours(1)], fifteen.Select(c => c.OpenTime));
        var hours = CandleAggregator.Aggregate(minutes, CandleInterval.OneHour);
        Assert.Equal([15m, 5m], hours.Select(c => c.Volume));
    }

    [Fact]
    public void Rolling_up_in_stages_equals_rolling_up_at_once()
    {
        var btc = Trading.Instruments.InstrumentCatalog.Find("BTC-USD")!;
        var minutes = HistoryGenerator.GenerateMinutes(btc, Midnight, Midnight.AddDays(3), 4).ToList();
        IReadOnlyList<Candle> staged = minutes;
        foreach (var interval in CandleInterval.All.Skip(1))
        {
            staged = CandleAggregator.Aggregate(staged, interval);
            Assert.Equal(CandleAggregator.Aggregate(minutes, interval), staged);
        }

        Assert.Equal(3, staged.Count);
    }

    [Fact]
    public void Daily_candles_start_at_midnight_UTC_and_forming_ones_are_not_complete()
    {
        var candles = CandleAggregator.Aggregate([Minute(23 * 60 + 59, 1, 1, 1, 1, 1), Minute(24 * 60, 2, 2, 2, 2, 1)], CandleInterval.OneDay);
        Assert.Equal([Midnight, Midnight.AddDays(1)], candles.Select(c => c.OpenTime));
        Assert.True(candles[0].IsCompleteAt(Midnight.AddDays(1).AddMinutes(1)));
        Assert.False(candles[1].IsCompleteAt(Midnight.AddDays(1).AddMinutes(1)));
    }

    [Fact]
    public void Longer_source_candles_are_refused()
    {
        var hour = new Candle("TEST", CandleInterval.OneHour, Midnight, 1, 1, 1, 1, 1);
        Assert.Throws<ArgumentException>(() => CandleAggregator.Aggregate([hour], CandleInterval.FifteenMinutes));
    }
}
