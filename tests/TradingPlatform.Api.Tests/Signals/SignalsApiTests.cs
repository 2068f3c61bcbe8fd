using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Signals;
using TradingPlatform.Api.Tests.Strategies;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Signals;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Api.Tests.Signals;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class SignalsApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private ApiFactory _factory = null!;
    private HttpClient _admin = null!;
    private TestUser _adminUser = null!;

    public async Task InitializeAsync()
    {
        _factory = await TradingApiFactory.StartAsync(infrastructure);
        (_adminUser, _admin) = await _factory.CreateUserWithClientAsync("admin");
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _factory.DisposeAsync();
    }

    /// <summary>A whole-millisecond instant an hour back, so that times round-trip exactly and are never "in the future".</summary>
    private static DateTimeOffset BaseTime()
    {
        var now = DateTimeOffset.UtcNow.AddHours(-1);
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private async Task<JsonElement> PostAsync(object body)
    {
        using var response = await _admin.PostJsonAsync("/api/signals", body);
        return await response.ReadDataAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_admin_posts_a_signal_and_anyone_signed_in_reads_it()
    {
        var time = BaseTime();
        using var response = await _admin.PostJsonAsync("/api/signals", new
        {
            symbol = "eth-usd", time, score = 0.73m, side = "buy", pattern = "golden_cross", meta = new { rsi = 61.5, timeframe = "1h" },
        });
        var created = await response.ReadDataAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        Assert.Equal($"/api/signals/{id}", response.Headers.Location?.OriginalString);

        var (_, viewer) = await _factory.CreateUserWithClientAsync("viewer");
        using (viewer)
        {
            using var get = await viewer.GetAsync($"/api/signals/{id}");
            var data = await get.ReadDataAsync();
            Assert.Equal(id, data.GetProperty("id").GetString());
            Assert.Equal("ETH-USD", data.GetProperty("symbol").GetString());
            Assert.Equal(time, data.GetProperty("time").GetDateTimeOffset());
            Assert.Equal(0.73m, data.GetProperty("score").GetDecimal());
            Assert.Equal("buy", data.GetProperty("side").GetString());
            Assert.Equal("golden_cross", data.GetProperty("pattern").GetString());
            Assert.Equal(61.5, data.GetProperty("meta").GetProperty("rsi").GetDouble());
            Assert.Equal("1h", data.GetProperty("meta").GetProperty("timeframe").GetString());
            var source = data.GetProperty("source");
            Assert.Equal("manual", source.GetProperty("kind").GetString());
            Assert.Equal(_adminUser.Id.ToString(), source.GetProperty("id").GetString());
            Assert.Equal(JsonValueKind.Null, data.GetProperty("strategyId").ValueKind);
        }
    }

    [Fact]
    public async Task An_unknown_signal_answers_404_in_the_envelope()
    {
        using var response = await _admin.GetAsync($"/api/signals/{Guid.NewGuid()}");
        await Envelope.AssertErrorAsync(response, 404, "NOT_FOUND_ERROR");
    }

    [Fact]
    public async Task Only_admins_post_signals()
    {
        var body = new { symbol = "AAPL", score = 0.5m, side = "buy" };
        foreach (var role in new[] { "trader", "viewer" })
        {
            var (_, client) = await _factory.CreateUserWithClientAsync(role);
            using (client)
            {
                using var response = await client.PostJsonAsync("/api/signals", body);
                await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Forbidden, "AUTHORIZATION_ERROR");
            }
        }

        using var anonymous = _factory.CreateClient();
        using (var posted = await anonymous.PostJsonAsync("/api/signals", body))
        {
            await ApiJson.AssertErrorEnvelopeAsync(posted, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        }

        using var read = await anonymous.GetAsync("/api/signals");
        await ApiJson.AssertErrorEnvelopeAsync(read, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
    }

    public static TheoryData<string, string> InvalidSignals() => new()
    {
        { """{"symbol":"AAPL","score":1.5,"side":"buy"}""", "score" },
        { """{"symbol":"AAPL","score":-1.01,"side":"sell"}""", "score" },
        { """{"symbol":"AAPL","side":"buy"}""", "score" },
        { """{"symbol":"AAPL","score":0.5,"side":"hold"}""", "side" },
        { """{"symbol":"DOGE-USD","score":0.5,"side":"buy"}""", "symbol" },
        { """{"score":0.5,"side":"buy"}""", "symbol" },
        { """{"symbol":"AAPL","score":0.5,"side":"buy","meta":[1]}""", "meta" },
        { """{"symbol":"AAPL","score":0.5,"side":"buy","time":"2999-01-01T00:00:00Z"}""", "time" },
        { """{"symbol":"AAPL","score":0.5,"side":"buy","source":{"kind":"oracle"}}""", "source.kind" },
        { """{"symbol":"AAPL","score":0.5,"side":"buy","source":{"kind":"strategy"}}""", "strategyId" },
        { $$"""{"symbol":"AAPL","score":0.5,"side":"buy","strategyId":"{{Guid.NewGuid()}}"}""", "strategyId" },
    };

    [Theory]
    [MemberData(nameof(InvalidSignals))]
    public async Task Invalid_signals_answer_422_naming_the_field(string body, string field)
    {
        using var response = await _admin.PostJsonTextAsync("/api/signals", body);
        var details = (await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR")).GetProperty("details");
        Assert.True(details.TryGetProperty(field, out _), $"no '{field}' in {details}");
    }

    [Fact]
    public async Task A_score_that_is_not_a_number_is_a_400()
    {
        using var response = await _admin.PostJsonTextAsync("/api/signals", """{"symbol":"AAPL","score":NaN,"side":"buy"}""");
        await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task The_cursor_walks_every_page_without_duplicates_or_gaps()
    {
        // Three signals share one time, so the walk must break ties by id across page boundaries.
        var time = BaseTime();
        var mine = new List<string>();
        foreach (var offset in new[] { 0, 0, 0, 1, 2, 3, 4 })
        {
            mine.Add((await PostAsync(new { symbol = "BTC-USD", time = time.AddSeconds(offset), score = 0.1m, side = "neutral" })).GetProperty("id").GetString()!);
        }

        var seen = new List<(DateTimeOffset Time, string Id)>();
        long? total = null;
        string? cursor = null;
        var pages = 0;
        do
        {
            using var response = await _admin.GetAsync(cursor is null ? "/api/signals?limit=3" : $"/api/signals?limit=3&cursor={Uri.EscapeDataString(cursor)}");
            var json = await response.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(json.GetProperty("success").GetBoolean());
            var page = json.GetProperty("data").EnumerateArray().Select(s => (s.GetProperty("time").GetDateTimeOffset(), s.GetProperty("id").GetString()!)).ToList();
            Assert.InRange(page.Count, 1, 3);
            seen.AddRange(page);
            total ??= json.GetProperty("total").GetInt64();
            Assert.Equal(total, json.GetProperty("total").GetInt64()); // the total does not depend on the position
            var next = json.GetProperty("nextCursor");
            cursor = next.ValueKind == JsonValueKind.Null ? null : next.GetString();
            Assert.True(cursor is null || page.Count == 3, "only the last page may be short");
            Assert.True(++pages < 1000, "the walk does not end");
        }
        while (cursor is not null);

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Select(s => s.Id).Distinct().Count());
        Assert.All(mine, id => Assert.Contains(id, seen.Select(s => s.Id)));
        // Strictly newest first by (time, id): PostgreSQL orders uuids as their text does.
        for (var i = 1; i < seen.Count; i++)
        {
            var (previous, current) = (seen[i - 1], seen[i]);
            Assert.True(
                previous.Time > current.Time || (previous.Time == current.Time && string.CompareOrdinal(previous.Id, current.Id) > 0),
                $"{previous} comes before {current}");
        }
    }

    [Fact]
    public async Task Filters_keep_only_matching_signals()
    {
        var since = BaseTime().AddMinutes(30);
        var strong = (await PostAsync(new { symbol = "GBPUSD", time = since.AddSeconds(1), score = 0.9m, side = "buy" })).GetProperty("id").GetString();
        var weak = (await PostAsync(new { symbol = "GBPUSD", time = since.AddSeconds(2), score = 0.2m, side = "buy" })).GetProperty("id").GetString();
        var bearish = (await PostAsync(new { symbol = "GBPUSD", time = since.AddSeconds(3), score = -0.8m, side = "sell" })).GetProperty("id").GetString();
        var otherSymbol = (await PostAsync(new { symbol = "AAPL", time = since.AddSeconds(4), score = 0.95m, side = "buy" })).GetProperty("id").GetString();
        var older = (await PostAsync(new { symbol = "GBPUSD", time = since.AddSeconds(-1), score = 0.99m, side = "buy" })).GetProperty("id").GetString();

        var sinceText = Uri.EscapeDataString(since.ToString("O"));
        using var response = await _admin.GetAsync($"/api/signals?symbol=gbpusd&minScore=0.5&since={sinceText}&limit=200");
        var json = await response.ReadJsonAsync();
        var items = json.GetProperty("data").EnumerateArray().ToList();
        var ids = items.Select(s => s.GetProperty("id").GetString()).ToList();

        Assert.Contains(strong, ids);
        Assert.DoesNotContain(weak, ids);
        Assert.DoesNotContain(bearish, ids);
        Assert.DoesNotContain(otherSymbol, ids);
        Assert.DoesNotContain(older, ids);
        Assert.All(items, s =>
        {
            Assert.Equal("GBPUSD", s.GetProperty("symbol").GetString());
            Assert.True(s.GetProperty("score").GetDecimal() >= 0.5m);
            Assert.True(s.GetProperty("time").GetDateTimeOffset() >= since);
        });
        Assert.Equal(items.Count, json.GetProperty("total").GetInt64());

        // A negative minScore keeps the bearish one too.
        using var all = await _admin.GetAsync($"/api/signals?symbol=GBPUSD&minScore=-1&since={sinceText}");
        var allIds = (await all.ReadDataAsync()).EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Contains(bearish, allIds);
        Assert.Contains(weak, allIds);
        Assert.DoesNotContain(older, allIds);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=garbage!!", "cursor")]
    [InlineData("cursor=%2B%2F%3D%3D", "cursor")]
    [InlineData("symbol=DOGE-USD", "symbol")]
    [InlineData("minScore=2", "minScore")]
    public async Task Bad_query_parameters_answer_422(string query, string field)
    {
        using var response = await _admin.GetAsync($"/api/signals?{query}");
        var details = (await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR")).GetProperty("details");
        Assert.True(details.TryGetProperty(field, out _), details.ToString());
    }

    [Fact]
    public async Task The_default_page_is_50_signals()
    {
        var time = BaseTime();
        for (var i = 0; i < 51; i++)
        {
            await PostAsync(new { symbol = "SPX-FUT", time = time.AddMilliseconds(i), score = 0m, side = "neutral" });
        }

        using var response = await _admin.GetAsync("/api/signals");
        var json = await response.ReadJsonAsync();
        Assert.Equal(50, json.GetProperty("data").GetArrayLength());
        Assert.Equal(JsonValueKind.String, json.GetProperty("nextCursor").ValueKind);
        Assert.True(json.GetProperty("total").GetInt64() >= 51);
    }

    [Fact]
    public async Task Strategies_record_signals_in_process_with_their_source()
    {
        var (_, trader) = await _factory.CreateUserWithClientAsync();
        using (trader)
        {
            var strategyId = Guid.Parse(await StrategiesApiTests.CreateAsync(trader));
            Signal recorded;
            await using (var scope = _factory.Services.CreateAsyncScope())
            {
                var store = scope.ServiceProvider.GetRequiredService<SignalStore>();
                recorded = await store.RecordAsync(
                    new NewSignal("xau-usd", -0.4m, SignalSide.Sell, new SignalSource(SignalSourceKind.Strategy, strategyId.ToString(), "Momentum"))
                    {
                        StrategyId = new StrategyId(strategyId),
                        Pattern = "breakdown",
                    },
                    CancellationToken.None);

                await Assert.ThrowsAnyAsync<ArgumentException>(() => store.RecordAsync(
                    new NewSignal("XAU-USD", 1.2m, SignalSide.Buy, new SignalSource(SignalSourceKind.Ai)), CancellationToken.None));
            }

            // Any signed-in user reads it, with its source.
            using var get = await trader.GetAsync($"/api/signals/{recorded.Id}");
            var data = await get.ReadDataAsync();
            Assert.Equal("XAU-USD", data.GetProperty("symbol").GetString());
            Assert.Equal("sell", data.GetProperty("side").GetString());
            Assert.Equal(strategyId.ToString(), data.GetProperty("strategyId").GetString());
            Assert.Equal("strategy", data.GetProperty("source").GetProperty("kind").GetString());
            Assert.Equal("Momentum", data.GetProperty("source").GetProperty("name").GetString());
            Assert.Equal(recorded.Time, data.GetProperty("time").GetDateTimeOffset());
        }
    }
}
