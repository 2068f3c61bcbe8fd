using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Forecasting;
using TradingPlatform.AiService.Forecasting.Predictions;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.Predictions;

/// <summary>
/// <c>GET /api/predictions</c> on the real AiService over stored predictions: the cursor walks every one of the
/// caller's predictions exactly once, newest first (ties of the same issue time broken by id), with the filters;
/// another user's are never listed; bad query parameters are 400s naming the field. The scorer is held off (a
/// one-day interval) so that nothing changes under the test.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class PredictionListTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private readonly string _signingKey = RandomNumberGenerator.GetHexString(64);
    private ServiceFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new ServiceFactory<Program>(infrastructure.Configuration.Concat([
            new KeyValuePair<string, string?>("Jwt:SigningKey", _signingKey),
            new KeyValuePair<string, string?>("Forecasting:Predictions:ScoreInterval", "1.00:00:00"),
        ]));
        await _factory.Services.GetRequiredService<SchemaStatus<AiDbContext>>().Completion.WaitAsync(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private HttpClient Client(Guid userId)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(_signingKey, "trader", userId: userId));
        return client;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task The_cursor_walks_all_of_the_callers_predictions_newest_first_without_duplicates_and_never_anothers()
    {
        var (owner, other) = (Guid.NewGuid(), Guid.NewGuid());
        var (symbol, second) = (PredictionData.NewSymbol("PG"), PredictionData.NewSymbol("PH"));
        var model = $"nbeats-{symbol}-1m";
        var start = new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
        ForecastPoint[] points = [new(1, 100, 99, 101)];
        // 23 of the owner's, three to each issue time, so that pages split ties; 4 on another symbol; 3 of another user.
        var mine = Enumerable.Range(0, 23)
            .Select(i => PredictionData.Make(owner.ToString(), symbol, model, start.AddSeconds(i / 3), start, 100, points)).ToList();
        var elsewhere = Enumerable.Range(0, 4)
            .Select(i => PredictionData.Make(owner.ToString(), second, $"nbeats-{second}-1m", start.AddSeconds(100 + i), start, 100, points)).ToList();
        var theirs = Enumerable.Range(0, 3)
            .Select(i => PredictionData.Make(other.ToString(), symbol, model, start.AddSeconds(i), start, 100, points)).ToList();
        await PredictionData.AddAsync(_factory.Services, [.. mine, .. elsewhere, .. theirs]);

        using var client = Client(owner);
        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ReadAsync(await client.GetAsync($"/api/predictions?symbol={symbol.ToLowerInvariant()}&limit=5" + (cursor is null ? "" : $"&cursor={cursor}")),
                HttpStatusCode.OK);
            Assert.Equal(23, page.GetProperty("total").GetInt64());
            var data = page.GetProperty("data").EnumerateArray().ToList();
            Assert.InRange(data.Count, 1, 5);
            Assert.All(data, p => Assert.Equal(symbol, p.GetProperty("symbol").GetString()));
            seen.AddRange(data.Select(p => p.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(5, pages);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        // Newest first; within one issue time, the larger id first (as PostgreSQL orders uuid, the same as Guid.CompareTo).
        var expected = mine.OrderByDescending(p => p.IssuedAt).ThenByDescending(p => p.Id.Value).Select(p => p.Id.Value).ToList();
        Assert.Equal(expected, seen);

        var all = await ReadAsync(await client.GetAsync("/api/predictions?limit=100"), HttpStatusCode.OK);
        var allIds = all.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToHashSet();
        Assert.Equal(27, all.GetProperty("total").GetInt64());
        Assert.True(allIds.SetEquals(mine.Concat(elsewhere).Select(p => p.Id.Value)));
        var byModel = await ReadAsync(await client.GetAsync($"/api/predictions?model=nbeats-{second}-1m"), HttpStatusCode.OK);
        Assert.Equal(4, byModel.GetProperty("total").GetInt64());
        Assert.Equal(JsonValueKind.Null, byModel.GetProperty("nextCursor").ValueKind);

        // The other user sees only their own three.
        using var them = Client(other);
        var theirPage = await ReadAsync(await them.GetAsync("/api/predictions"), HttpStatusCode.OK);
        Assert.Equal(3, theirPage.GetProperty("total").GetInt64());
        Assert.True(theirPage.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToHashSet().SetEquals(theirs.Select(p => p.Id.Value)));
        // A user with none has an empty page.
        using var nobody = Client(Guid.NewGuid());
        var empty = await ReadAsync(await nobody.GetAsync("/api/predictions"), HttpStatusCode.OK);
        Assert.Equal((0, 0L), (empty.GetProperty("data").GetArrayLength(), empty.GetProperty("total").GetInt64()));
    }

    [Fact]
    public async Task Bad_query_parameters_are_400s_naming_the_field_and_anonymous_callers_401()
    {
        using var client = Client(Guid.NewGuid());
        var wrongVersion = Convert.ToBase64String(new byte[25]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        foreach (var (query, field) in new[]
        {
            ("limit=0", "limit"), ("limit=10000", "limit"), ("limit=101", "limit"), ("limit=abc", "limit"), ("limit=-1", "limit"),
            ("cursor=garbage!!", "cursor"), ("cursor=AAAA", "cursor"), ($"cursor={wrongVersion}", "cursor"), ("cursor=", "cursor"),
            ("symbol=bad%20sym!", "symbol"), ("symbol=", "symbol"), ($"symbol={new string('A', 40)}", "symbol"), ("model=../etc", "model"),
        })
        {
            var problem = await ReadAsync(await client.GetAsync($"/api/predictions?{query}"), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{query}: {problem}");
        }

        var scores = await ReadAsync(await client.GetAsync("/api/predictions/scores?symbol=no%20such"), HttpStatusCode.BadRequest);
        Assert.True(scores.GetProperty("errors").TryGetProperty("symbol", out _), scores.ToString());

        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/predictions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/predictions/scores")).StatusCode);
    }
}
