using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.News;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.News;

/// <summary>
/// <c>GET /api/sentiment</c> on the real AiService over items of known scores stored at known ages, on a fake clock at
/// an instant of this test's own (no other test's items fall in its windows); expected values are worked out by hand.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class SentimentAggregateApiTests(InfrastructureFixture infrastructure)
{
    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static NewsItem Item(DateTimeOffset publishedAt, double score, params string[] symbols) => new()
    {
        Id = Guid.NewGuid(), DedupeKey = $"test:{Guid.NewGuid():N}", Headline = $"Item scored {score}", Source = "Test", PublishedAt = publishedAt,
        ReceivedAt = publishedAt, Symbols = [.. symbols], SentimentScore = score, SentimentLabel = score > 0 ? "positive" : "negative",
        AuthenticityScore = 1, Impact = NewsImpact.Of(score), Summary = "Item.", Model = "test",
    };

    private static async Task StoreAsync(NewsHost host, params NewsItem[] items)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        db.NewsItems.AddRange(items);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_aggregate_decays_each_item_by_its_age_over_the_window_and_lists_the_latest_items()
    {
        var now = new DateTimeOffset(2031, 5, 1, 12, 0, 0, TimeSpan.Zero);
        await using var host = await NewsHost.StartAsync(infrastructure, new FakeTimeProvider(now), ("News:SentimentHalfLife", "06:00:00"));
        await StoreAsync(host,
            Item(now, 0.8, "AAPL"),
            Item(now.AddHours(-6), -0.4, "AAPL", "XAU-USD"),
            Item(now.AddHours(-12), 1.0, "AAPL"),
            Item(now.AddHours(-30), -1.0, "AAPL"),
            Item(now.AddHours(-1), -0.9, "EURUSD"));
        using var client = host.Client("viewer");

        var day = await ReadAsync(await client.GetAsync("/api/sentiment?symbol=apple&window=1d&limit=2"), HttpStatusCode.OK);
        // Weights 1, 1/2, 1/4 (0, 1 and 2 half-lives); the 30 h old item is outside the day, the EURUSD one another symbol's.
        Assert.Equal("AAPL", day.GetProperty("symbol").GetString());
        Assert.Equal("1d", day.GetProperty("window").GetString());
        Assert.Equal(6.0, day.GetProperty("halfLifeHours").GetDouble());
        Assert.Equal(now, day.GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal(((0.8 * 1) + (-0.4 * 0.5) + (1.0 * 0.25)) / 1.75, day.GetProperty("score").GetDouble(), 1e-12);
        Assert.Equal("positive", day.GetProperty("label").GetString());
        Assert.Equal(3, day.GetProperty("count").GetInt32());
        Assert.Equal(1.75, day.GetProperty("weight").GetDouble(), 1e-12);
        var latest = day.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([0.8, -0.4], latest.Select(i => i.GetProperty("sentimentScore").GetDouble()));
        Assert.Equal([1.0, 0.5], latest.Select(i => Math.Round(i.GetProperty("weight").GetDouble(), 12)));

        var fourHours = await ReadAsync(await client.GetAsync("/api/sentiment?symbol=AAPL&window=4h"), HttpStatusCode.OK);
        Assert.Equal((0.8, 1), (fourHours.GetProperty("score").GetDouble(), fourHours.GetProperty("count").GetInt32()));

        var twoDays = await ReadAsync(await client.GetAsync("/api/sentiment?symbol=AAPL&window=2d&limit=0"), HttpStatusCode.OK);
        // The 30 h old item joins with 2^−5 = 1/32.
        Assert.Equal((0.85 - (1.0 / 32)) / (1.75 + (1.0 / 32)), twoDays.GetProperty("score").GetDouble(), 1e-12);
        Assert.Equal(0, twoDays.GetProperty("items").GetArrayLength());

        // Without a symbol, all news: the EURUSD item at 1 h (2^(−1/6)) joins the day's three.
        var all = await ReadAsync(await client.GetAsync("/api/sentiment?window=1d"), HttpStatusCode.OK);
        var w1 = Math.Pow(2, -1.0 / 6);
        Assert.Equal((0.85 - (0.9 * w1)) / (1.75 + w1), all.GetProperty("score").GetDouble(), 1e-12);
        Assert.Equal(JsonValueKind.Null, all.GetProperty("symbol").ValueKind);

        var gold = await ReadAsync(await client.GetAsync("/api/sentiment?symbol=XAU-USD"), HttpStatusCode.OK);
        Assert.Equal((-0.4, 1), (gold.GetProperty("score").GetDouble(), gold.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task The_half_life_is_configurable_and_a_symbol_without_news_has_no_score()
    {
        var now = new DateTimeOffset(2031, 6, 1, 12, 0, 0, TimeSpan.Zero);
        await using var host = await NewsHost.StartAsync(infrastructure, new FakeTimeProvider(now), ("News:SentimentHalfLife", "04:00:00"));
        await StoreAsync(host, Item(now, 0.8, "GBPUSD"), Item(now.AddHours(-6), -0.4, "GBPUSD"), Item(now.AddHours(-12), 1.0, "GBPUSD"));
        using var client = host.Client("viewer");

        var decayed = await ReadAsync(await client.GetAsync("/api/sentiment?symbol=GBPUSD"), HttpStatusCode.OK);
        var quiet = await ReadAsync(await client.GetAsync("/api/sentiment?symbol=SPX-FUT"), HttpStatusCode.OK);

        // 6 h and 12 h are 1.5 and 3 half-lives of 4 h: weights 2^−1.5 and 1/8.
        var w6 = Math.Pow(2, -1.5);
        Assert.Equal((0.8 - (0.4 * w6) + 0.125) / (1 + w6 + 0.125), decayed.GetProperty("score").GetDouble(), 1e-12);
        Assert.Equal(4.0, decayed.GetProperty("halfLifeHours").GetDouble());
        Assert.Equal(JsonValueKind.Null, quiet.GetProperty("score").ValueKind);
        Assert.Equal((0, 0), (quiet.GetProperty("count").GetInt32(), quiet.GetProperty("items").GetArrayLength()));
    }

    [Theory]
    [InlineData("symbol=NOPE", "symbol", "Unknown symbol 'NOPE'.")]
    [InlineData("symbol=AAPL&window=2w", "window", "window '2w' is not")]
    [InlineData("symbol=AAPL&window=8d", "window", "window '8d' is not")]
    [InlineData("symbol=AAPL&window=0h", "window", "window '0h' is not")]
    [InlineData("symbol=AAPL&limit=101", "limit", "limit '101' must be a whole number from 0 to 100.")]
    [InlineData("symbol=AAPL&limit=-1", "limit", "limit '-1' must be")]
    [InlineData("symbol=AAPL&limit=ten", "limit", "limit 'ten' must be")]
    public async Task An_unknown_symbol_or_a_window_or_limit_out_of_bounds_answers_400_naming_it(string query, string field, string message)
    {
        await using var host = await NewsHost.StartAsync(infrastructure);

        using var response = await host.Client("viewer").GetAsync($"/api/sentiment?{query}");
        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.StartsWith(message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_caller_gets_401()
    {
        await using var host = await NewsHost.StartAsync(infrastructure);

        using var response = await host.Client(null).GetAsync("/api/sentiment?symbol=AAPL");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
