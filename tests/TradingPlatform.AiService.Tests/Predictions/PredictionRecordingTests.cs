using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Tests.Support;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.Predictions;

/// <summary>
/// Every forecast the real AiService serves (a single forecast from the stored closes or from a given history, each
/// item of a batch, a trend) is recorded as the caller's prediction, with its model, anchor, points and bounds, and
/// listed to that caller only. The scorer is held off (a one-day interval) so that the statuses stay pending.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class PredictionRecordingTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private const int Lookback = 20;
    private const int Horizon = 4;
    private const int Bars = 1_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private readonly string _signingKey = RandomNumberGenerator.GetHexString(64);
    private readonly string _symbol = PredictionData.NewSymbol("PR");
    private IReadOnlyList<decimal> _closes = [];
    private ServiceFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        _closes = await CandleData.AddMinutesAsync(infrastructure, _symbol, Bars, seed: 9);
        _factory = new ServiceFactory<Program>(infrastructure.Configuration.Concat([
            new KeyValuePair<string, string?>("Jwt:SigningKey", _signingKey),
            new KeyValuePair<string, string?>("Forecasting:Predictions:ScoreInterval", "1.00:00:00"),
        ]));
        await _factory.Services.GetRequiredService<SchemaStatus<AiDbContext>>().Completion.WaitAsync(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private HttpClient Client(string role, Guid userId)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(_signingKey, role, userId: userId));
        return client;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<JsonElement> TrainActiveAsync()
    {
        using var admin = Client("admin", Guid.NewGuid());
        var started = await ReadAsync(await admin.PostAsJsonAsync("/api/training/start", new
        {
            symbol = _symbol, interval = "1m", lookback = Lookback, horizon = Horizon, stacks = 1, blocksPerStack = 1, layersPerBlock = 2, hiddenUnits = 16,
            maxEpochs = 2, batchSize = 64, seed = 1, forceActivation = true,
        }), HttpStatusCode.Accepted);
        var id = started.GetProperty("id").GetGuid();
        var run = await Poll.UntilAsync(async () => await ReadAsync(await admin.GetAsync($"/api/training/{id}"), HttpStatusCode.OK),
            r => r.GetProperty("status").GetString() is "succeeded" or "failed", Timeout, "the training run to end");
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        return run.GetProperty("model");
    }

    [Fact]
    public async Task Served_forecasts_and_trends_are_recorded_as_the_callers_predictions_and_listed_to_them_only()
    {
        var model = await TrainActiveAsync();
        var (owner, other) = (Guid.NewGuid(), Guid.NewGuid());
        using var trader = Client("trader", owner);
        var history = _closes.Skip(Bars - 30).Select(c => 1.01 * (double)c).ToArray();
        // The model serves once the activation reached this replica's serving set.
        var stored = await Poll.UntilAsync(async () => await trader.PostAsJsonAsync("/api/infer/forecast/nbeats", new { symbol = _symbol, interval = "1m" }),
            r => r.StatusCode == HttpStatusCode.OK, Timeout, "the model serving");
        var storedForecast = await ReadAsync(stored, HttpStatusCode.OK);
        var given = await ReadAsync(await trader.PostAsJsonAsync("/api/infer/forecast/nbeats", new { symbol = _symbol, interval = "1m", history, horizon = 2 }),
            HttpStatusCode.OK);
        var trend = await ReadAsync(await trader.PostAsJsonAsync("/api/predict-trend", new { symbol = _symbol, interval = "1m", history }), HttpStatusCode.OK);
        var batch = await ReadAsync(await trader.PostAsJsonAsync("/api/infer/forecast/nbeats/batch", new
        {
            items = new object[] { new { symbol = _symbol, interval = "1m", history }, new { symbol = "NOSUCH-Z", interval = "1m" } },
        }), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, batch[0].GetProperty("error").ValueKind);
        using var them = Client("trader", other);
        await ReadAsync(await them.PostAsJsonAsync("/api/infer/forecast/nbeats", new { symbol = _symbol, interval = "1m", history }), HttpStatusCode.OK);

        // The writer stores them off the request path: wait for all four (the failed batch item is not a prediction).
        var page = await Poll.UntilAsync(async () => await ReadAsync(await trader.GetAsync($"/api/predictions?symbol={_symbol}"), HttpStatusCode.OK),
            p => p.GetProperty("total").GetInt64() >= 4, TimeSpan.FromSeconds(30), "the owner's four predictions");
        Assert.Equal(4, page.GetProperty("total").GetInt64());
        var listed = page.GetProperty("data").EnumerateArray().ToList();
        // Newest first: the batch item, the trend, the given history, the stored closes.
        Assert.Equal(["forecast", "trend", "forecast", "forecast"], listed.Select(p => p.GetProperty("kind").GetString()));
        Assert.All(listed, p =>
        {
            Assert.Equal((_symbol, "1m", "pending"), (p.GetProperty("symbol").GetString(), p.GetProperty("interval").GetString(), p.GetProperty("status").GetString()));
            Assert.Equal(model.GetProperty("id").GetGuid(), p.GetProperty("model").GetProperty("id").GetGuid());
            Assert.Equal(model.GetProperty("version").GetInt32(), p.GetProperty("model").GetProperty("version").GetInt32());
            Assert.Equal(JsonValueKind.Null, p.GetProperty("error").ValueKind);
            Assert.Equal(0.8, p.GetProperty("intervalLevel").GetDouble(), 1e-6);
        });

        var fromStored = listed[3];
        Assert.Equal(CandleData.Start.AddMinutes(Bars - 1), fromStored.GetProperty("anchorTime").GetDateTimeOffset());
        Assert.Equal((double)_closes[^1], fromStored.GetProperty("anchorPrice").GetDouble());
        Assert.Equal(Horizon, fromStored.GetProperty("horizon").GetInt32());
        // The points and bounds as served.
        Assert.Equal(storedForecast.GetProperty("forecast").ToString(), fromStored.GetProperty("forecast").ToString());
        Assert.Equal(CandleData.Start.AddMinutes(Bars - 1 + Horizon + 1), fromStored.GetProperty("dueAt").GetDateTimeOffset());

        var fromHistory = listed[2];
        Assert.Equal(JsonValueKind.Null, fromHistory.GetProperty("anchorTime").ValueKind);
        Assert.Equal(history[^1], fromHistory.GetProperty("anchorPrice").GetDouble());
        Assert.Equal(given.GetProperty("forecast").ToString(), fromHistory.GetProperty("forecast").ToString());
        Assert.Equal(2, fromHistory.GetProperty("horizon").GetInt32());

        var fromTrend = listed[1];
        Assert.Equal(trend.GetProperty("direction").GetString(), fromTrend.GetProperty("trend").GetProperty("direction").GetString());
        Assert.Equal(trend.GetProperty("probability").GetDouble(), fromTrend.GetProperty("trend").GetProperty("probability").GetDouble());
        Assert.Equal(JsonValueKind.Null, listed[0].GetProperty("trend").ValueKind);
        Assert.Equal(batch[0].GetProperty("forecast").GetProperty("forecast").ToString(), listed[0].GetProperty("forecast").ToString());

        // The other user sees their one prediction, never the owner's.
        var theirs = await Poll.UntilAsync(async () => await ReadAsync(await them.GetAsync($"/api/predictions?symbol={_symbol}"), HttpStatusCode.OK),
            p => p.GetProperty("total").GetInt64() >= 1, TimeSpan.FromSeconds(30), "the other user's prediction");
        Assert.Equal(1, theirs.GetProperty("total").GetInt64());
        var ownerIds = listed.Select(p => p.GetProperty("id").GetGuid()).ToHashSet();
        Assert.DoesNotContain(theirs.GetProperty("data")[0].GetProperty("id").GetGuid(), ownerIds);
        Assert.Equal(4, (await ReadAsync(await trader.GetAsync($"/api/predictions?symbol={_symbol}"), HttpStatusCode.OK)).GetProperty("total").GetInt64());
    }
}
