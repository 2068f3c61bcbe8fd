using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Tests.Support;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.Forecasting.MonteCarlo;

/// <summary>
/// The <c>monteCarlo</c> member of <c>POST /api/infer/forecast/nbeats</c> and <c>/api/predict-trend</c> on the real
/// AiService (PostgreSQL, Redis, RabbitMQ, a model trained and force-activated): the block appears only when asked
/// for, a seed fixes it, its σ is the one the stored half-widths give, predict-trend takes P(up) from it, bad input is
/// a 400 naming the field, and <c>/api/system/inference</c> says where the paths run.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ForecastMonteCarloApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private const int Lookback = 20;
    private const int Horizon = 5;

    private readonly string _signingKey = RandomNumberGenerator.GetHexString(64);
    private readonly string _symbol = $"MC{Guid.NewGuid():N}"[..12].ToUpperInvariant();
    private IReadOnlyList<decimal> _closes = [];
    private ServiceFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        _closes = await CandleData.AddMinutesAsync(infrastructure, _symbol, 1_200, seed: 8);
        _factory = new ServiceFactory<Program>(infrastructure.Configuration.Append(new KeyValuePair<string, string?>("Jwt:SigningKey", _signingKey)));
        await _factory.Services.GetRequiredService<SchemaStatus<AiDbContext>>().Completion.WaitAsync(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

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

    private async Task<Guid> TrainActiveAsync(HttpClient admin)
    {
        var started = await ReadAsync(await admin.PostAsJsonAsync("/api/training/start", new
        {
            symbol = _symbol, interval = "1m", lookback = Lookback, horizon = Horizon, stacks = 1, blocksPerStack = 1, layersPerBlock = 2, hiddenUnits = 16,
            maxEpochs = 3, batchSize = 64, seed = 6, forceActivation = true,
        }), HttpStatusCode.Accepted);
        var id = started.GetProperty("id").GetGuid();
        var run = await Poll.UntilAsync(async () => await ReadAsync(await admin.GetAsync($"/api/training/{id}"), HttpStatusCode.OK),
            r => r.GetProperty("status").GetString() is "succeeded" or "failed", TimeSpan.FromMinutes(3), "the training run to end");
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        return run.GetProperty("model").GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Monte_carlo_paths_come_only_when_asked_are_fixed_by_their_seed_feed_predict_trend_and_bad_input_is_a_400()
    {
        using var admin = Client("admin");
        using var trader = Client("trader");
        var modelId = await TrainActiveAsync(admin);
        var history = _closes.Skip(_closes.Count - 30).Select(c => (double)c).ToArray();
        var last = history[^1];

        var plain = await ReadAsync(await trader.PostAsJsonAsync("/api/infer/forecast/nbeats", new { symbol = _symbol, interval = "1m", history }), HttpStatusCode.OK);
        Assert.False(plain.TryGetProperty("monteCarlo", out _), plain.ToString());

        object Asking(ulong seed) => new
        {
            symbol = _symbol, interval = "1m", history,
            monteCarlo = new { paths = 2_000, seed, levels = new[] { 0.05 }, stopLoss = last * 0.995, takeProfit = last * 1.005 },
        };
        var first = await ReadAsync(await trader.PostAsJsonAsync("/api/infer/forecast/nbeats", Asking(7)), HttpStatusCode.OK);
        var again = await ReadAsync(await trader.PostAsJsonAsync("/api/infer/forecast/nbeats", Asking(7)), HttpStatusCode.OK);
        var other = await ReadAsync(await trader.PostAsJsonAsync("/api/infer/forecast/nbeats", Asking(8)), HttpStatusCode.OK);

        var block = first.GetProperty("monteCarlo");
        Assert.Equal(block.ToString(), again.GetProperty("monteCarlo").ToString());
        Assert.NotEqual(block.GetProperty("steps").ToString(), other.GetProperty("monteCarlo").GetProperty("steps").ToString());
        Assert.Equal(plain.GetProperty("forecast").ToString(), first.GetProperty("forecast").ToString());
        Assert.Equal((2_000, 7UL, "Cpu"), (block.GetProperty("paths").GetInt32(), block.GetProperty("seed").GetUInt64(), block.GetProperty("backend").GetString()));
        Assert.Equal([0.05, 0.1, 0.5, 0.9], block.GetProperty("levels").EnumerateArray().Select(l => Math.Round(l.GetDouble(), 9)));
        var steps = block.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(Horizon, steps.Count);
        foreach (var step in steps)
        {
            var quantiles = step.GetProperty("quantiles").EnumerateArray().Select(q => q.GetDouble()).ToArray();
            Assert.Equal(quantiles.Order(), quantiles);
            Assert.True(quantiles[0] < quantiles[^1], step.ToString());
        }

        var risk = block.GetProperty("risk");
        Assert.True(risk.GetProperty("expectedShortfall95").GetDouble() >= risk.GetProperty("valueAtRisk95").GetDouble());
        Assert.True(risk.GetProperty("valueAtRisk99").GetDouble() >= risk.GetProperty("valueAtRisk95").GetDouble());
        Assert.Equal(1, block.GetProperty("probabilityUp").GetDouble() + block.GetProperty("probabilityDown").GetDouble(), 1e-12);
        var barriers = block.GetProperty("barriers");
        Assert.Equal(last * 0.995, barriers.GetProperty("stopLoss").GetDouble(), 1e-9);
        Assert.InRange(barriers.GetProperty("probabilityTouchStopLoss").GetDouble(), 0, 1);

        // σ per step from the stored half-widths, computed here: √(Σ (wₕ / z₀.₉)² / Σ h).
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var model = await scope.ServiceProvider.GetRequiredService<AiDbContext>().ForecastModels.AsNoTracking().SingleAsync(m => m.Id == modelId);
            var widths = JsonSerializer.Deserialize<double[]>(model.IntervalHalfWidths)!;
            var sigma = Math.Sqrt(widths.Select(w => Math.Pow(w / 1.2815515655446004, 2)).Sum() / Enumerable.Range(1, widths.Length).Sum());
            Assert.Equal(sigma, block.GetProperty("stepVolatility").GetDouble(), 1e-9);
        }

        var trend = await ReadAsync(await trader.PostAsJsonAsync("/api/predict-trend", Asking(7)), HttpStatusCode.OK);
        Assert.Equal("monteCarlo", trend.GetProperty("probabilitySource").GetString());
        Assert.Equal(block.GetProperty("probabilityUp").GetDouble(), trend.GetProperty("probabilityUp").GetDouble());
        var plainTrend = await ReadAsync(await trader.PostAsJsonAsync("/api/predict-trend", new { symbol = _symbol, interval = "1m", history }), HttpStatusCode.OK);
        Assert.Equal("interval", plainTrend.GetProperty("probabilitySource").GetString());

        foreach (var (monteCarlo, field) in new (object MonteCarlo, string Field)[]
        {
            (new { paths = 999 }, "monteCarlo.paths"),
            (new { paths = 1_000_001 }, "monteCarlo.paths"),
            (new { levels = new[] { 1.5 } }, "monteCarlo.levels"),
            (new { stopLoss = last * 2 }, "monteCarlo.stopLoss"),
        })
        {
            var problem = await ReadAsync(await trader.PostAsJsonAsync("/api/infer/forecast/nbeats", new { symbol = _symbol, interval = "1m", history, monteCarlo }),
                HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }

        // A batch may ask for paths per item, up to 1,000,000 in all.
        var batch = await ReadAsync(await trader.PostAsJsonAsync("/api/infer/forecast/nbeats/batch", new { items = new[] { Asking(7), Asking(7) } }), HttpStatusCode.OK);
        Assert.Equal(block.ToString(), batch[1].GetProperty("forecast").GetProperty("monteCarlo").ToString());
        var tooMany = new { symbol = _symbol, interval = "1m", history, monteCarlo = new { paths = 600_000 } };
        var refused = await ReadAsync(await trader.PostAsJsonAsync("/api/infer/forecast/nbeats/batch", new { items = new[] { tooMany, tooMany } }), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("items", out _), refused.ToString());

        // NaN is not JSON: a body carrying it is refused as a 400, not a 500.
        var nan = $"{{\"symbol\":\"{_symbol}\",\"interval\":\"1m\",\"history\":[{string.Join(',', history.Select(h => h.ToString(System.Globalization.CultureInfo.InvariantCulture)))}],\"monteCarlo\":{{\"levels\":[NaN]}}}}";
        using var nanResponse = await trader.PostAsync("/api/infer/forecast/nbeats", new StringContent(nan, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, nanResponse.StatusCode);

        var inference = await ReadAsync(await trader.GetAsync("/api/system/inference"), HttpStatusCode.OK);
        var engine = inference.GetProperty("monteCarlo");
        Assert.Equal("Cpu", engine.GetProperty("backend").GetString());
        Assert.StartsWith("CPU (plain C#", engine.GetProperty("device").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("no GPU", engine.GetProperty("gpuUnavailableReason").GetString(), StringComparison.Ordinal);
    }
}
