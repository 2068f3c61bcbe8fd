using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Forecasting;
using TradingPlatform.AiService.Tests.Support;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.Forecasting;

/// <summary>
/// The forecast endpoints on the real AiService: a model trained and activated (forced by an admin, so the test does not
/// depend on its score) serves forecasts with calibrated intervals, from a given history or the stored closes alike;
/// a batch mixes good and bad items; bad input is a 4xx naming the field; a second model activated while requests
/// run replaces the first with no failed request.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ForecastTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private const int Lookback = 20;
    private const int Horizon = 5;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private readonly string _signingKey = RandomNumberGenerator.GetHexString(64);
    private readonly string _symbol = $"FC{Guid.NewGuid():N}"[..12].ToUpperInvariant();
    private IReadOnlyList<decimal> _closes = [];
    private ServiceFactory<Program> _factory = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _closes = await CandleData.AddMinutesAsync(infrastructure, _symbol, 1_200, seed: 5);
        _factory = new ServiceFactory<Program>(infrastructure.Configuration.Append(new KeyValuePair<string, string?>("Jwt:SigningKey", _signingKey)));
        _admin = Client("admin");
        // Requests before the ai schema is migrated are 503s; wait for it as a client would retry.
        await _factory.Services.GetRequiredService<SchemaStatus<AiDbContext>>().Completion.WaitAsync(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _factory.DisposeAsync();
    }

    private HttpClient Client(string role)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(_signingKey, role));
        return client;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Trains a small model and activates it whatever its evaluation; returns its id once it serves.</summary>
    private async Task<Guid> TrainActiveAsync(int seed)
    {
        var started = await ReadAsync(await _admin.PostAsJsonAsync("/api/training/start", new
        {
            symbol = _symbol, interval = "1m", lookback = Lookback, horizon = Horizon, stacks = 1, blocksPerStack = 1, layersPerBlock = 2, hiddenUnits = 16,
            maxEpochs = 3, batchSize = 64, seed, forceActivation = true,
        }), HttpStatusCode.Accepted);
        var id = started.GetProperty("id").GetGuid();
        var run = await Poll.UntilAsync(async () => await ReadAsync(await _admin.GetAsync($"/api/training/{id}"), HttpStatusCode.OK),
            r => r.GetProperty("status").GetString() is "succeeded" or "failed", Timeout, "the training run to end");
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        Assert.True(run.GetProperty("model").GetProperty("active").GetBoolean());
        Assert.True(run.GetProperty("model").GetProperty("evaluation").GetProperty("forced").GetBoolean());
        return run.GetProperty("model").GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> ForecastAsync(HttpClient client, object body) => client.PostAsJsonAsync("/api/infer/forecast/nbeats", body);

    [Fact]
    public async Task An_active_model_serves_forecasts_with_intervals_from_a_history_or_the_stored_closes_and_bad_input_names_its_field()
    {
        using var trader = Client("trader");
        var unserved = await ReadAsync(await ForecastAsync(trader, new { symbol = _symbol, interval = "1m" }), HttpStatusCode.Conflict);
        Assert.Contains("POST /api/training/start", unserved.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var modelId = await TrainActiveAsync(seed: 3);

        var stored = await ReadAsync(await ForecastAsync(trader, new { symbol = _symbol.ToLowerInvariant(), interval = "1m" }), HttpStatusCode.OK);
        var history = _closes.Skip(_closes.Count - 30).Select(c => (double)c).ToArray();
        var given = await ReadAsync(await ForecastAsync(trader, new { symbol = _symbol, interval = "1m", history }), HttpStatusCode.OK);

        // The stored closes are the same last prices as the given history: the same forecast.
        Assert.Equal(stored.GetProperty("forecast").ToString(), given.GetProperty("forecast").ToString());
        Assert.Equal((double)_closes[^1], given.GetProperty("lastPrice").GetDouble());
        var meta = given.GetProperty("meta");
        Assert.Equal((modelId, Lookback, Horizon, 0.8), (meta.GetProperty("modelId").GetGuid(), meta.GetProperty("lookback").GetInt32(),
            meta.GetProperty("horizon").GetInt32(), Math.Round(meta.GetProperty("intervalLevel").GetDouble(), 6)));
        Assert.Equal("CPUExecutionProvider", meta.GetProperty("executionProvider").GetString());

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var model = await scope.ServiceProvider.GetRequiredService<AiDbContext>().ForecastModels.AsNoTracking().SingleAsync(m => m.Id == modelId);
            var widths = JsonSerializer.Deserialize<double[]>(model.IntervalHalfWidths)!;
            // The stored model run on the last lookback of the given history, independently of the service's batching.
            using var session = scope.ServiceProvider.GetRequiredService<AiService.Inference.OnnxExecution>().CreateSession(model.Onnx);
            var input = new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>(history[^Lookback..].Select(p => (float)p).ToArray(), [1, Lookback]);
            using var outputs = session.Run([Microsoft.ML.OnnxRuntime.NamedOnnxValue.CreateFromTensor("input", input)]);
            var expected = outputs.Single().AsEnumerable<float>().Select(v => (double)v).ToArray();
            var points = given.GetProperty("forecast").EnumerateArray().ToList();
            Assert.Equal(Enumerable.Range(1, Horizon), points.Select(p => p.GetProperty("step").GetInt32()));
            for (var h = 0; h < Horizon; h++)
            {
                var (value, lower, upper) = (points[h].GetProperty("value").GetDouble(), points[h].GetProperty("lower").GetDouble(), points[h].GetProperty("upper").GetDouble());
                Assert.Equal(expected[h], value, 5);
                Assert.Equal(widths[h] * history[^1], value - lower, 9);
                Assert.Equal(widths[h] * history[^1], upper - value, 9);
            }
        }

        var shorter = await ReadAsync(await ForecastAsync(trader, new { symbol = _symbol, interval = "1m", history, horizon = 2 }), HttpStatusCode.OK);
        Assert.Equal(2, shorter.GetProperty("forecast").GetArrayLength());

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { symbol = _symbol, interval = "1m", history = history[..10] }, "history"),
            (new { symbol = _symbol, interval = "1m", history = history.Select((p, i) => i == 25 ? -1.0 : p).ToArray() }, "history"),
            (new { symbol = _symbol, interval = "1m", horizon = Horizon + 1 }, "horizon"),
            (new { symbol = "", interval = "1m" }, "symbol"),
            (new { symbol = _symbol, interval = "7m" }, "interval"),
        })
        {
            var problem = await ReadAsync(await ForecastAsync(trader, body), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }

        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await ForecastAsync(anonymous, new { symbol = _symbol })).StatusCode);

        // A batch: each item answered on its own.
        var batch = await ReadAsync(await trader.PostAsJsonAsync("/api/infer/forecast/nbeats/batch", new
        {
            items = new object[] { new { symbol = _symbol, interval = "1m", history }, new { symbol = "NOSUCH-Y", interval = "1m" } },
        }), HttpStatusCode.OK);
        Assert.Equal(given.GetProperty("forecast").ToString(), batch[0].GetProperty("forecast").GetProperty("forecast").ToString());
        Assert.Equal(409, batch[1].GetProperty("error").GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await trader.PostAsJsonAsync("/api/infer/forecast/nbeats/batch", new { items = Array.Empty<object>() })).StatusCode);
    }

    [Fact]
    public async Task A_model_activated_while_forecasts_run_replaces_the_first_without_a_failed_request()
    {
        using var trader = Client("trader");
        var first = await TrainActiveAsync(seed: 1);
        var history = _closes.Skip(_closes.Count - Lookback).Select(c => (double)c).ToArray();

        using var stop = new CancellationTokenSource();
        var seen = new HashSet<Guid>();
        var failures = new List<string>();
        var requests = 0;
        var load = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await ForecastAsync(trader, new { symbol = _symbol, interval = "1m", history });
                Interlocked.Increment(ref requests);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{(int)response.StatusCode}: {body}");
                    continue;
                }

                lock (seen)
                {
                    seen.Add(JsonDocument.Parse(body).RootElement.GetProperty("meta").GetProperty("modelId").GetGuid());
                }
            }
        });

        var second = await TrainActiveAsync(seed: 2);
        await Poll.UntilAsync(() => Task.FromResult(Volatile.Read(ref requests)), _ => { lock (seen) { return seen.Contains(second); } }, Timeout, "forecasts from the second model");
        await stop.CancelAsync();
        await load;

        Assert.Empty(failures);
        // Every answer came from one of the two models; the first served until the second took over.
        Assert.Equal(new HashSet<Guid> { first, second }, seen);
    }

    [Fact]
    public async Task A_replica_that_never_polls_swaps_to_a_model_activated_on_another_through_ModelActivated()
    {
        // The second replica re-reads the registry on its own only once an hour: within the test, only the event can
        // tell it about the activation.
        await using var replica = new ServiceFactory<Program>(infrastructure.Configuration.Concat([
            new KeyValuePair<string, string?>("Jwt:SigningKey", _signingKey),
            new KeyValuePair<string, string?>("Forecasting:Serving:RefreshInterval", "01:00:00"),
        ]));
        using var client = replica.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(_signingKey, "trader"));
        await replica.Services.GetRequiredService<SchemaStatus<AiDbContext>>().Completion.WaitAsync(TimeSpan.FromMinutes(1));
        await replica.Services.GetRequiredService<ModelActivationListener>().Listening.WaitAsync(TimeSpan.FromMinutes(1));
        var history = _closes.Skip(_closes.Count - Lookback).Select(c => (double)c).ToArray();
        using (var before = await ForecastAsync(client, new { symbol = _symbol, interval = "1m", history }))
        {
            Assert.Equal(HttpStatusCode.Conflict, before.StatusCode);
        }

        var model = await TrainActiveAsync(seed: 3);

        var served = await Poll.UntilAsync(async () =>
        {
            using var response = await ForecastAsync(client, new { symbol = _symbol, interval = "1m", history });
            return response.StatusCode == HttpStatusCode.OK
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("meta").GetProperty("modelId").GetGuid()
                : Guid.Empty;
        }, id => id != Guid.Empty, TimeSpan.FromMinutes(1), "the replica serving the model activated on the other");
        Assert.Equal(model, served);
    }

    [Fact]
    public async Task Predict_trend_answers_the_direction_and_its_probability_from_the_forecast_and_its_interval()
    {
        using var trader = Client("trader");
        var history = _closes.Skip(_closes.Count - Lookback).Select(c => (double)c).ToArray();
        var unserved = await ReadAsync(await trader.PostAsJsonAsync("/api/predict-trend", new { symbol = _symbol, interval = "1m", history }), HttpStatusCode.Conflict);
        Assert.Contains("train", unserved.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        var model = await TrainActiveAsync(seed: 4);

        var forecast = await Poll.UntilAsync(async () => await ForecastAsync(trader, new { symbol = _symbol, interval = "1m", history }),
            r => r.StatusCode == HttpStatusCode.OK, Timeout, "the model serving");
        var expected = (await ReadAsync(forecast, HttpStatusCode.OK)).GetProperty("forecast").EnumerateArray().Last();
        var trend = await ReadAsync(await trader.PostAsJsonAsync("/api/predict-trend", new { symbol = _symbol, interval = "1m", history }), HttpStatusCode.OK);

        Assert.Equal(model, trend.GetProperty("meta").GetProperty("modelId").GetGuid());
        Assert.Equal(Horizon, trend.GetProperty("horizon").GetInt32());
        Assert.Equal(history[^1], trend.GetProperty("lastPrice").GetDouble());
        Assert.Equal(expected.GetProperty("value").GetDouble(), trend.GetProperty("forecastPrice").GetDouble());
        // The 80 % interval's half-width is 1.2816 σ of a normal error: P(up) = Φ((forecast − last) / σ).
        var sigma = (expected.GetProperty("upper").GetDouble() - expected.GetProperty("value").GetDouble()) / 1.2815515655446004;
        var up = MathNet.Numerics.Distributions.Normal.CDF(0, 1, (expected.GetProperty("value").GetDouble() - history[^1]) / sigma);
        Assert.Equal(up, trend.GetProperty("probabilityUp").GetDouble(), 1e-9);
        Assert.Equal(up >= 0.5 ? "up" : "down", trend.GetProperty("direction").GetString());
        Assert.Equal(Math.Max(up, 1 - up), trend.GetProperty("probability").GetDouble(), 1e-12);
        Assert.InRange(trend.GetProperty("probability").GetDouble(), 0.5, 1);

        var shortHistory = await ReadAsync(await trader.PostAsJsonAsync("/api/predict-trend", new { symbol = _symbol, interval = "1m", history = history[..5] }), HttpStatusCode.BadRequest);
        Assert.True(shortHistory.GetProperty("errors").TryGetProperty("history", out _), shortHistory.ToString());
    }
}
