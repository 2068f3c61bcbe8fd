using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TradingPlatform.Api.Market.Feed;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Infrastructure.Market;

namespace TradingPlatform.Api.Tests.Market;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class CandlesApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly DateTimeOffset Ten = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private ApiFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await MarketKit.StartAsync(infrastructure, _time);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>10:00–10:04 and 10:10–10:11: five minutes missing in between.</summary>
    private async Task<string> StoreGappedSeriesAsync()
    {
        var symbol = MarketKit.UniqueSymbol();
        var minutes = new[] { 0, 1, 2, 3, 4, 10, 11 }
            .Select(m => MarketKit.Minute(symbol, Ten.AddMinutes(m), 100 + m, 101 + m, 99 + m, 100.5m + m, 10 + m))
            .ToList();
        await _factory.StoreAsync(minutes);
        return symbol;
    }

    private static List<JsonElement> Bars(JsonElement data, string member = "data") => [.. data.GetProperty(member).EnumerateArray()];

    [Fact]
    public async Task Minute_candles_come_back_in_seed_001s_shape_with_the_gap_left_empty()
    {
        var symbol = await StoreGappedSeriesAsync();
        using var client = _factory.CreateClient();
        var data = await (await client.GetAsync($"/api/market/data?symbol={symbol}&interval=1m&limit=1000")).ReadDataAsync();
        Assert.Equal(symbol, data.GetProperty("symbol").GetString());
        Assert.Equal("1m", data.GetProperty("interval").GetString());
        var bars = Bars(data);
        Assert.Equal(
            new[] { 0, 1, 2, 3, 4, 10, 11 }.Select(m => Ten.AddMinutes(m)),
            bars.Select(b => b.GetProperty("timestamp").GetDateTimeOffset()));
        Assert.Equal(["timestamp", "open", "high", "low", "close", "volume", "isComplete"], bars[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(100.5m, bars[0].GetProperty("close").GetDecimal());
        Assert.All(bars, b => Assert.True(b.GetProperty("isComplete").GetBoolean()));
    }

    [Fact]
    public async Task Longer_intervals_aggregate_without_inventing_the_missing_bars()
    {
        var symbol = await StoreGappedSeriesAsync();
        using var client = _factory.CreateClient();
        var fives = Bars(await (await client.GetAsync($"/api/market/data?symbol={symbol}&interval=5m")).ReadDataAsync());
        Assert.Equal([Ten, Ten.AddMinutes(10)], fives.Select(b => b.GetProperty("timestamp").GetDateTimeOffset()));
        Assert.Equal(100m, fives[0].GetProperty("open").GetDecimal());
        Assert.Equal(105m, fives[0].GetProperty("high").GetDecimal());
        Assert.Equal(99m, fives[0].GetProperty("low").GetDecimal());
        Assert.Equal(104.5m, fives[0].GetProperty("close").GetDecimal());
        Assert.Equal(60m, fives[0].GetProperty("volume").GetDecimal());
        Assert.Equal(41m, fives[1].GetProperty("volume").GetDecimal());

        var hour = Assert.Single(Bars(await (await client.GetAsync($"/api/market/{symbol}/candles?timeframe=1h")).ReadDataAsync(), "candles"));
        Assert.Equal(Ten, hour.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal(111.5m, hour.GetProperty("close").GetDecimal());
        Assert.Equal(101m, hour.GetProperty("volume").GetDecimal());
        Assert.True(hour.GetProperty("isComplete").GetBoolean());

        var day = Assert.Single(Bars(await (await client.GetAsync($"/api/market/data?symbol={symbol}&interval=1d")).ReadDataAsync()));
        Assert.False(day.GetProperty("isComplete").GetBoolean()); // the day is not over at 12:00
    }

    [Fact]
    public async Task The_seed_004_endpoint_pages_by_limit_and_range()
    {
        var symbol = await StoreGappedSeriesAsync();
        using var client = _factory.CreateClient();
        var latest = await (await client.GetAsync($"/api/market/{symbol}/candles?timeframe=1m&limit=3")).ReadDataAsync();
        Assert.Equal(symbol, latest.GetProperty("symbol").GetString());
        Assert.Equal("1m", latest.GetProperty("timeframe").GetString());
        Assert.Equal([Ten.AddMinutes(4), Ten.AddMinutes(10), Ten.AddMinutes(11)],
            Bars(latest, "candles").Select(b => b.GetProperty("timestamp").GetDateTimeOffset()));

        var range = await (await client.GetAsync(
            $"/api/market/{symbol}/candles?start=2026-11-23T10:01:00Z&end=2026-11-23T10:10:00Z&limit=2")).ReadDataAsync();
        Assert.Equal([Ten.AddMinutes(1), Ten.AddMinutes(2)], Bars(range, "candles").Select(b => b.GetProperty("timestamp").GetDateTimeOffset()));

        var seed001 = await (await client.GetAsync(
            $"/api/market/data?symbol={symbol}&startTime=2026-11-23T10:03:00Z&endTime=2026-11-23T10:10:00Z")).ReadDataAsync();
        Assert.Equal([Ten.AddMinutes(3), Ten.AddMinutes(4), Ten.AddMinutes(10)], Bars(seed001).Select(b => b.GetProperty("timestamp").GetDateTimeOffset()));
    }

    [Fact]
    public async Task The_forming_candle_is_included_and_flagged()
    {
        var symbol = MarketKit.UniqueSymbol();
        var twelveFiftyEight = Ten.AddMinutes(178);
        await _factory.StoreAsync([MarketKit.Minute(symbol, twelveFiftyEight, 10, 11, 9, 10.5m, 5)]);
        _time.SetUtcNow(twelveFiftyEight.AddMinutes(1).AddSeconds(30));
        var forming = MarketKit.Minute(symbol, twelveFiftyEight.AddMinutes(1), 10.5m, 12, 10.4m, 11.5m, 3);
        await _factory.Services.GetRequiredService<RedisQuoteStore>().WriteAsync([], [forming]);

        using var client = _factory.CreateClient();
        var minutes = Bars(await (await client.GetAsync($"/api/market/data?symbol={symbol}&interval=1m")).ReadDataAsync());
        Assert.Equal(2, minutes.Count);
        Assert.True(minutes[0].GetProperty("isComplete").GetBoolean());
        Assert.False(minutes[1].GetProperty("isComplete").GetBoolean());
        Assert.Equal(11.5m, minutes[1].GetProperty("close").GetDecimal());

        var hour = Assert.Single(Bars(await (await client.GetAsync($"/api/market/data?symbol={symbol}&interval=1h")).ReadDataAsync()));
        Assert.False(hour.GetProperty("isComplete").GetBoolean());
        Assert.Equal(10m, hour.GetProperty("open").GetDecimal());
        Assert.Equal(12m, hour.GetProperty("high").GetDecimal());
        Assert.Equal(11.5m, hour.GetProperty("close").GetDecimal());
        Assert.Equal(8m, hour.GetProperty("volume").GetDecimal());
    }

    [Fact]
    public async Task A_thousand_bars_come_back_in_one_read()
    {
        var symbol = MarketKit.UniqueSymbol();
        var start = Ten.AddDays(-2);
        await _factory.StoreAsync([.. Enumerable.Range(0, 1500).Select(m => MarketKit.Minute(symbol, start.AddMinutes(m), 1, 2, 0.5m, 1.5m, 1))]);
        using var client = _factory.CreateClient();
        var bars = Bars(await (await client.GetAsync($"/api/market/data?symbol={symbol}&limit=1000")).ReadDataAsync());
        Assert.Equal(1000, bars.Count);
        Assert.Equal(start.AddMinutes(1499), bars[^1].GetProperty("timestamp").GetDateTimeOffset());
        var fifteen = Bars(await (await client.GetAsync($"/api/market/data?symbol={symbol}&interval=15m&limit=1000")).ReadDataAsync());
        Assert.Equal(100, fifteen.Count);
        Assert.All(fifteen, b => Assert.Equal(15m, b.GetProperty("volume").GetDecimal()));
    }

    [Theory]
    [InlineData("/api/market/data?symbol=BTC-USD&interval=2m", "interval")]
    [InlineData("/api/market/data?symbol=BTC-USD&limit=0", "limit")]
    [InlineData("/api/market/data?symbol=BTC-USD&limit=1001", "limit")]
    [InlineData("/api/market/data?symbol=BTC-USD&limit=ten", "limit")]
    [InlineData("/api/market/data?symbol=BTC-USD&startTime=yesterday", "startTime")]
    [InlineData("/api/market/data?symbol=BTC-USD&startTime=2026-11-23T10:00:00Z&endTime=2026-11-22T10:00:00Z", "startTime")]
    [InlineData("/api/market/data?interval=1m", "symbol")]
    [InlineData("/api/market/BTC-USD/candles?timeframe=1w", "timeframe")]
    [InlineData("/api/market/BTC-USD/candles?end=soon", "end")]
    public async Task Bad_parameters_are_422_naming_the_field(string path, string field)
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(path);
        var error = await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.True(error.GetProperty("details").TryGetProperty(field, out _), error.ToString());
    }

    [Theory]
    [InlineData("/api/market/data?symbol=NOPE-USD")]
    [InlineData("/api/market/NOPE-USD/candles")]
    public async Task Unknown_symbols_are_404(string path)
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(path);
        await Envelope.AssertErrorAsync(response, 404, "NOT_FOUND_ERROR");
    }

    [Fact]
    public async Task An_instrument_without_candles_answers_an_empty_list()
    {
        // Feed tests of the same collection store candles in the shared database (their forming minutes in Redis stay
        // in their own key prefix, which this instance never reads).
        await MarketKit.ExecuteAsync(infrastructure, "DELETE FROM trading.candles WHERE symbol = 'GBPUSD'");
        using var client = _factory.CreateClient();
        var data = await (await client.GetAsync("/api/market/data?symbol=gbpusd&interval=4h")).ReadDataAsync();
        Assert.Equal("GBPUSD", data.GetProperty("symbol").GetString());
        Assert.Equal(0, data.GetProperty("data").GetArrayLength());
    }
}
