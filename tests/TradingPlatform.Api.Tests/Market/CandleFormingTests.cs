using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Infrastructure.Market;

namespace TradingPlatform.Api.Tests.Market;

/// <summary>
/// The bar still forming in a candles answer is the feed leader's live candle (the one it writes to Redis on every
/// tick), on every replica, merged into the longer interval that contains it; a range that ends earlier never shows it.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class CandleFormingTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Noon.AddMinutes(7).AddSeconds(20));
    private ApiFactory _leader = null!;
    private ApiFactory _replica = null!;

    public async Task InitializeAsync()
    {
        _leader = await MarketKit.StartAsync(infrastructure, _time);
        _replica = await MarketKit.StartAsync(infrastructure, _time, _leader.ReplicaSetting);
    }

    public async Task DisposeAsync()
    {
        await _replica.DisposeAsync();
        await _leader.DisposeAsync();
    }

    private static List<JsonElement> Bars(JsonElement data) => [.. data.GetProperty("candles").EnumerateArray()];

    [Fact]
    public async Task The_forming_bar_equals_the_live_candle_on_a_replica_and_merges_into_longer_intervals()
    {
        var symbol = MarketKit.UniqueSymbol();
        // 12:00 to 12:06 stored (complete); 12:07 forming, as the leader's feed holds it at 12:07:20.
        await _leader.StoreAsync([.. Enumerable.Range(0, 7).Select(m => MarketKit.Minute(symbol, Noon.AddMinutes(m), 100 + m, 101 + m, 99 + m, 100.5m + m, 2))]);
        var live = MarketKit.Minute(symbol, Noon.AddMinutes(7), 106.5m, 130.25m, 98.75m, 120.125m, 3.5m);
        await _leader.Services.GetRequiredService<RedisQuoteStore>().WriteAsync([], [live]);

        using var client = _replica.CreateClient();
        var minutes = Bars(await (await client.GetAsync($"/api/market/{symbol}/candles?timeframe=1m&limit=1000")).ReadDataAsync());
        Assert.Equal(8, minutes.Count);
        var forming = minutes[^1];
        Assert.Equal(live.OpenTime, forming.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal(
            (live.Open, live.High, live.Low, live.Close, live.Volume, false),
            (forming.GetProperty("open").GetDecimal(), forming.GetProperty("high").GetDecimal(), forming.GetProperty("low").GetDecimal(),
                forming.GetProperty("close").GetDecimal(), forming.GetProperty("volume").GetDecimal(), forming.GetProperty("isComplete").GetBoolean()));
        Assert.All(minutes.SkipLast(1), bar => Assert.True(bar.GetProperty("isComplete").GetBoolean()));

        // 12:05 holds the stored 12:05 and 12:06 and the live 12:07: the live extremes and close, the summed volume.
        var fives = Bars(await (await client.GetAsync($"/api/market/{symbol}/candles?timeframe=5m")).ReadDataAsync());
        Assert.Equal([Noon, Noon.AddMinutes(5)], fives.Select(b => b.GetProperty("timestamp").GetDateTimeOffset()));
        var current = fives[^1];
        Assert.Equal(105m, current.GetProperty("open").GetDecimal());
        Assert.Equal(130.25m, current.GetProperty("high").GetDecimal());
        Assert.Equal(98.75m, current.GetProperty("low").GetDecimal());
        Assert.Equal(120.125m, current.GetProperty("close").GetDecimal());
        Assert.Equal(7.5m, current.GetProperty("volume").GetDecimal());
        Assert.False(current.GetProperty("isComplete").GetBoolean());
        Assert.True(fives[0].GetProperty("isComplete").GetBoolean());

        // A range that ends before the current minute stops at the stored bars; a full start-anchored page has no room for it.
        var earlier = Bars(await (await client.GetAsync($"/api/market/{symbol}/candles?timeframe=1m&end=2026-11-23T12:06:00Z")).ReadDataAsync());
        Assert.Equal(Noon.AddMinutes(6), earlier[^1].GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal(7, earlier.Count);
        var page = Bars(await (await client.GetAsync($"/api/market/{symbol}/candles?timeframe=1m&start=2026-11-23T12:00:00Z&limit=7")).ReadDataAsync());
        Assert.Equal(Noon.AddMinutes(6), page[^1].GetProperty("timestamp").GetDateTimeOffset());

        // The latest page of 3 keeps its limit: the forming bar pushes the oldest out.
        var latest = Bars(await (await client.GetAsync($"/api/market/{symbol}/candles?timeframe=1m&limit=3")).ReadDataAsync());
        Assert.Equal([Noon.AddMinutes(5), Noon.AddMinutes(6), Noon.AddMinutes(7)], latest.Select(b => b.GetProperty("timestamp").GetDateTimeOffset()));
    }
}
