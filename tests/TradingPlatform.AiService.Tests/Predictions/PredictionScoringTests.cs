using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Forecasting;
using TradingPlatform.AiService.Forecasting.Predictions;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.Predictions;

/// <summary>
/// The live scorer on the real AiService, its PeriodicTimer on a fake clock: a due prediction is scored against known
/// candles with errors computed here by hand; one whose candle is missing waits through the grace period and then is
/// unscorable with the gap named; the running scores per model aggregate the scored ones. Every test has symbols and
/// a model name of its own (the scorer scores every due prediction in the database, and that is harmless).
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class PredictionScoringTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private readonly string _signingKey = RandomNumberGenerator.GetHexString(64);
    private readonly Guid _user = Guid.NewGuid();
    // Whole minutes, as candles open.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero));
    private ServiceFactory<Program> _root = null!;
    private WebApplicationFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        _root = new ServiceFactory<Program>(infrastructure.Configuration.Concat([
            new KeyValuePair<string, string?>("Jwt:SigningKey", _signingKey),
            new KeyValuePair<string, string?>("Forecasting:Predictions:ScoreInterval", Tick.ToString()),
            new KeyValuePair<string, string?>("Forecasting:Predictions:Grace", Grace.ToString()),
        ]));
        _factory = _root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_time)));
        await _factory.Services.GetRequiredService<SchemaStatus<AiDbContext>>().Completion.WaitAsync(Timeout);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _root.DisposeAsync();
    }

    private HttpClient Client()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Mint(_signingKey, "trader", TimeSpan.FromDays(2), _time.GetUtcNow(), _user));
        return client;
    }

    /// <summary>Moves the clock a tick at a time (the scorer's timer fires on each) until <paramref name="done"/> holds for the prediction.</summary>
    private async Task<Prediction> TickUntilAsync(PredictionId id, Func<Prediction, bool> done, string what) =>
        await Poll.UntilAsync(async () =>
        {
            var prediction = await PredictionData.FindAsync(_factory.Services, id);
            if (!done(prediction))
            {
                _time.Advance(Tick);
            }

            return prediction;
        }, done, Timeout, what);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task A_due_prediction_is_scored_against_the_realised_candles_with_its_mae_smape_coverage_and_direction()
    {
        var symbol = PredictionData.NewSymbol("SC");
        var anchor = _time.GetUtcNow().AddMinutes(-30);
        await PredictionData.AddCandlesAsync(infrastructure, symbol,
            (anchor, 100m), (anchor.AddMinutes(1), 101m), (anchor.AddMinutes(2), 102m), (anchor.AddMinutes(3), 99m), (anchor.AddMinutes(4), 250m));
        // An "up" trend over 3 steps; the 4th candle (250) is past the horizon and must not count.
        var prediction = PredictionData.Make(_user.ToString(), symbol, $"nbeats-{symbol}-1m", anchor.AddSeconds(30), anchor, 100,
            [new(1, 100.5, 100, 101.25), new(2, 103, 102.5, 103.5), new(3, 100, 99.5, 100.5)], direction: "up");
        await PredictionData.AddAsync(_factory.Services, prediction);

        var scored = await TickUntilAsync(prediction.Id, p => p.Status != PredictionStatus.Pending, "the prediction to be scored");

        Assert.Equal(PredictionStatus.Scored, scored.Status);
        // |101 − 100.5|, |102 − 103|, |99 − 100|.
        Assert.Equal((0.5 + 1 + 1) / 3, scored.Mae!.Value, 12);
        Assert.Equal(((200 * 0.5 / (101 + 100.5)) + (200 * 1.0 / (102 + 103)) + (200 * 1.0 / (99 + 100))) / 3, scored.Smape!.Value, 12);
        // 101 is inside [100, 101.25]; 102 is below [102.5, 103.5]; 99 is below [99.5, 100.5].
        Assert.Equal(1, scored.PointsInside);
        // Up was predicted; the last close, 99, is below the anchor's 100.
        Assert.False(scored.DirectionHit);

        using var client = Client();
        var listed = (await ReadAsync(await client.GetAsync($"/api/predictions?symbol={symbol}"))).GetProperty("data").EnumerateArray().Single();
        Assert.Equal("scored", listed.GetProperty("status").GetString());
        Assert.Equal("trend", listed.GetProperty("kind").GetString());
        Assert.Equal([101.0, 102.0, 99.0], listed.GetProperty("realised").EnumerateArray().Select(r => r.GetProperty("close").GetDouble()));
        Assert.Equal([true, false, false], listed.GetProperty("realised").EnumerateArray().Select(r => r.GetProperty("inside").GetBoolean()));
        Assert.Equal(anchor.AddMinutes(3), listed.GetProperty("realised")[2].GetProperty("time").GetDateTimeOffset());
        var error = listed.GetProperty("error");
        Assert.Equal(1.0 / 3, error.GetProperty("coverage").GetDouble(), 1e-12);
        Assert.False(error.GetProperty("directionHit").GetBoolean());
        Assert.Equal(("up", 0.6), (listed.GetProperty("trend").GetProperty("direction").GetString(), listed.GetProperty("trend").GetProperty("probability").GetDouble()));
    }

    [Fact]
    public async Task A_prediction_with_a_missing_candle_waits_through_the_grace_and_then_is_unscorable_with_the_gap_named()
    {
        var symbol = PredictionData.NewSymbol("SG");
        var sentinelSymbol = PredictionData.NewSymbol("SS");
        // Due a minute ago: within the grace.
        var anchor = _time.GetUtcNow().AddMinutes(-5);
        await PredictionData.AddCandlesAsync(infrastructure, symbol, (anchor, 50m), (anchor.AddMinutes(1), 51m), (anchor.AddMinutes(3), 53m));
        await PredictionData.AddCandlesAsync(infrastructure, sentinelSymbol, (anchor.AddMinutes(1), 50m), (anchor.AddMinutes(2), 51m), (anchor.AddMinutes(3), 52m), (anchor.AddMinutes(4), 53m));
        ForecastPoint[] three = [new(1, 51, 50, 52), new(2, 52, 51, 53), new(3, 53, 52, 54)];
        var gapped = PredictionData.Make(_user.ToString(), symbol, $"nbeats-{symbol}-1m", anchor, anchor, 50, three);
        // Due a minute after the gapped one, so scored in the same pass or a later batch of it: once it is, the scorer has looked at the gapped one.
        var sentinel = PredictionData.Make(_user.ToString(), sentinelSymbol, $"nbeats-{sentinelSymbol}-1m", anchor, anchor.AddMinutes(1), 50, three);
        await PredictionData.AddAsync(_factory.Services, gapped, sentinel);

        await TickUntilAsync(sentinel.Id, p => p.Status == PredictionStatus.Scored, "the sentinel to be scored");
        var waiting = await PredictionData.FindAsync(_factory.Services, gapped.Id);
        Assert.True(_time.GetUtcNow() < gapped.DueAt + Grace, "the test moved the clock past the grace");
        Assert.Equal(PredictionStatus.Pending, waiting.Status);

        _time.Advance(Grace);
        var unscorable = await TickUntilAsync(gapped.Id, p => p.Status != PredictionStatus.Pending, "the gapped prediction to be given up on");

        Assert.Equal(PredictionStatus.Unscorable, unscorable.Status);
        Assert.Equal("[2]", unscorable.MissingSteps);
        Assert.Null(unscorable.Mae);
        using var client = Client();
        var listed = (await ReadAsync(await client.GetAsync($"/api/predictions?symbol={symbol}"))).GetProperty("data").EnumerateArray().Single();
        Assert.Equal("unscorable", listed.GetProperty("status").GetString());
        Assert.Equal([2], listed.GetProperty("missingSteps").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("error").ValueKind);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("realised").ValueKind);
    }

    [Fact]
    public async Task The_running_scores_aggregate_a_models_scored_predictions_per_symbol()
    {
        var symbol = PredictionData.NewSymbol("SR");
        var model = $"nbeats-{symbol}-1m";
        var anchor = _time.GetUtcNow().AddMinutes(-20);
        await PredictionData.AddCandlesAsync(infrastructure, symbol, (anchor, 10m), (anchor.AddMinutes(1), 11m), (anchor.AddMinutes(2), 12m));
        var user = _user.ToString();
        var issued = anchor.AddSeconds(10);
        // Realised: 11, 12.
        var forecast = PredictionData.Make(user, symbol, model, issued, anchor, 10, [new(1, 10.5, 10, 11.5), new(2, 12.5, 12.2, 12.8)]);
        var rightTrend = PredictionData.Make(user, symbol, model, issued, anchor, 10, [new(1, 11, 10.5, 11.5), new(2, 12, 11.5, 12.5)], direction: "up");
        var wrongTrend = PredictionData.Make(user, symbol, model, issued, anchor, 10, [new(1, 10, 9, 10.5), new(2, 11, 10, 11.5)], direction: "down");
        // Not due for an hour; and one whose anchor has no candles after it at all, due long before the grace ended.
        var pending = PredictionData.Make(user, symbol, model, _time.GetUtcNow(), _time.GetUtcNow().AddHours(1), 12, [new(1, 12, 11, 13)]);
        var lost = PredictionData.Make(user, symbol, model, anchor.AddHours(-3), anchor.AddHours(-3), 10, [new(1, 10, 9, 11)]);
        // Another version of the model is a row of its own.
        var otherVersion = PredictionData.Make(user, symbol, model, issued, anchor, 10, [new(1, 11, 10, 12)], version: 2);
        await PredictionData.AddAsync(_factory.Services, forecast, rightTrend, wrongTrend, pending, lost, otherVersion);

        await TickUntilAsync(wrongTrend.Id, p => p.Status == PredictionStatus.Scored, "the predictions to be scored");
        Assert.Equal(PredictionStatus.Unscorable, (await PredictionData.FindAsync(_factory.Services, lost.Id)).Status);

        using var client = Client();
        var rows = (await ReadAsync(await client.GetAsync($"/api/predictions/scores?model={model}"))).EnumerateArray().ToList();
        Assert.Equal([2, 1], rows.Select(r => r.GetProperty("modelVersion").GetInt32()));
        var v1 = rows[1];
        Assert.Equal((model, symbol, "1m"), (v1.GetProperty("model").GetString(), v1.GetProperty("symbol").GetString(), v1.GetProperty("interval").GetString()));
        Assert.Equal((3L, 1L, 1L), (v1.GetProperty("scored").GetInt64(), v1.GetProperty("unscorable").GetInt64(), v1.GetProperty("pending").GetInt64()));
        // MAE per prediction: (0.5 + 0.5) / 2, 0, (1 + 1) / 2.
        Assert.Equal((0.5 + 0 + 1) / 3, v1.GetProperty("meanMae").GetDouble(), 1e-12);
        var smapes = new[]
        {
            ((200 * 0.5 / (11 + 10.5)) + (200 * 0.5 / (12 + 12.5))) / 2,
            0.0,
            ((200 * 1.0 / (11 + 10)) + (200 * 1.0 / (12 + 11))) / 2,
        };
        Assert.Equal(smapes.Sum() / 3, v1.GetProperty("meanSmape").GetDouble(), 1e-12);
        // Inside: 1 of 2, 2 of 2, 0 of 2.
        Assert.Equal(3.0 / 6, v1.GetProperty("intervalCoverage").GetDouble(), 1e-12);
        Assert.Equal(0.8, v1.GetProperty("nominalCoverage").GetDouble(), 1e-12);
        // Up was right (12 > 10), down was wrong.
        Assert.Equal(2, v1.GetProperty("trendScored").GetInt64());
        Assert.Equal(0.5, v1.GetProperty("trendHitRate").GetDouble(), 1e-12);
        var v2 = rows[0];
        Assert.Equal((1L, 0.0, 1.0), (v2.GetProperty("scored").GetInt64(), v2.GetProperty("meanMae").GetDouble(), v2.GetProperty("intervalCoverage").GetDouble()));
        Assert.Equal(JsonValueKind.Null, v2.GetProperty("trendHitRate").ValueKind);
    }
}
