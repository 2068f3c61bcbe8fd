using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Sentiment;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.Costs;

/// <summary>
/// The AI cost meter on the real AiService and its database: metered endpoints record the caller, feature, model and
/// units, priced from the configured table; the statistics are the records' sums, a trader's only their own and an
/// admin's everyone's; a spent daily budget refuses its feature with 429 until the next UTC midnight while another
/// feature still answers; bad ranges are 400 naming their field.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class AiCostTests(InfrastructureFixture infrastructure)
{
    private readonly string _signingKey = RandomNumberGenerator.GetHexString(64);

    private ServiceFactory<Program> Factory(params (string Key, string Value)[] settings) =>
        new(infrastructure.Configuration.Append(new KeyValuePair<string, string?>("Jwt:SigningKey", _signingKey))
            .Concat(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))));

    private static async Task StartedAsync(ServiceFactory<Program> factory) =>
        await factory.Services.GetRequiredService<SchemaStatus<AiDbContext>>().Completion.WaitAsync(TimeSpan.FromMinutes(1));

    private HttpClient Client(ServiceFactory<Program> factory, string role, Guid userId)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(_signingKey, role, userId: userId));
        return client;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<List<AiCallRecord>> RecordsOfAsync(ServiceFactory<Program> factory, Guid userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var owner = userId.ToString();
        return await scope.ServiceProvider.GetRequiredService<AiDbContext>().AiCallRecords.AsNoTracking().Where(r => r.UserId == owner).OrderBy(r => r.RecordedAt).ToListAsync();
    }

    [Fact]
    public async Task Sentiment_and_forecast_calls_record_their_feature_model_and_units_priced_from_the_table()
    {
        await using var factory = Factory(
            ("AiCosts:Prices:sentiment:PerDeviceSecondUsd", "0.5"), ("AiCosts:Prices:sentiment:Per1KInputTokensUsd", "2"),
            ("AiCosts:Prices:sentiment:Per1KOutputTokensUsd", "3"), ("AiCosts:Prices:none:Per1KInputTokensUsd", "10"));
        await StartedAsync(factory);
        var userId = Guid.NewGuid();
        using var trader = Client(factory, "trader", userId);

        var sentiment = await ReadAsync(await trader.PostAsJsonAsync("/api/sentiment/analyze", new { text = "Profit soared and the outlook was raised." }), HttpStatusCode.OK);
        // Two series no model serves: the batch answers each with its problem, and is metered as two series in.
        await ReadAsync(await trader.PostAsJsonAsync("/api/infer/forecast/nbeats/batch", new
        {
            items = new object[] { new { symbol = "NOSUCH-A", interval = "1m" }, new { symbol = "NOSUCH-B", interval = "1m" } },
        }), HttpStatusCode.OK);
        // A refused call is not metered.
        await ReadAsync(await trader.PostAsJsonAsync("/api/sentiment/analyze", new { text = "" }), HttpStatusCode.BadRequest);

        await factory.Services.GetRequiredService<AiCallMeter>().FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var records = await RecordsOfAsync(factory, userId);
        Assert.Equal(2, records.Count);
        var analyzed = records.Single(r => r.Feature == AiFeatures.Sentiment);
        // The tokens MiniLM read: [CLS] profit soared and the outlook was raised . [SEP] (every word is in its vocabulary).
        Assert.Equal((MiniLmSentimentModel.Name, MiniLmSentimentModel.Version, 10L, 1L), (analyzed.Model, analyzed.ModelVersion, analyzed.InputUnits, analyzed.OutputUnits));
        Assert.Equal(sentiment.GetProperty("model").GetString(), analyzed.Model);
        Assert.True(analyzed.LatencyMs > 0);
        // Device time is the ONNX run's, a part of the request's latency.
        Assert.InRange(analyzed.DeviceSeconds, 1e-7, analyzed.LatencyMs / 1000);
        Assert.Equal((0.5m * (decimal)analyzed.DeviceSeconds) + (2m * 10 / 1000) + (3m / 1000), analyzed.CostUsd, 9);
        var batch = records.Single(r => r.Feature == AiFeatures.ForecastBatch);
        Assert.Equal(("none", 2L, 0L, 0d), (batch.Model, batch.InputUnits, batch.OutputUnits, batch.DeviceSeconds));
        Assert.Equal(10m * 2 / 1000, batch.CostUsd);

        // The caller's statistics are exactly these records.
        var stats = await ReadAsync(await trader.GetAsync("/api/ai/cost/statistics"), HttpStatusCode.OK);
        Assert.Equal(records.Count, stats.GetProperty("totalRequests").GetInt64());
        Assert.Equal(records.Sum(r => r.InputUnits), stats.GetProperty("totalInputTokens").GetInt64());
        Assert.Equal(records.Sum(r => r.OutputUnits), stats.GetProperty("totalOutputTokens").GetInt64());
        Assert.Equal(records.Sum(r => r.CostUsd), stats.GetProperty("totalCostUsd").GetDecimal());
    }

    [Fact]
    public async Task Statistics_are_the_records_sums_by_model_feature_and_day_a_trader_sees_their_own_and_an_admin_everyones()
    {
        await using var factory = Factory(("AiCosts:Prices:forecast:PerDeviceSecondUsd", "0.25"), ("AiCosts:Prices:gpt-x:Per1KInputTokensUsd", "0.01"),
            ("AiCosts:Prices:gpt-x:Per1KOutputTokensUsd", "0.03"));
        await StartedAsync(factory);
        // A day of the past of the test's own, so that no other call falls in the range.
        var day = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(RandomNumberGenerator.GetInt32(0, 7_000));
        var time = new FixedTime(day.AddHours(1));
        var options = factory.Services.GetRequiredService<IOptionsMonitor<AiCostOptions>>();
        var scopes = factory.Services.GetRequiredService<IServiceScopeFactory>();
        var meter = new AiCallMeter(new AiDailySpend(scopes, options, time, NullLogger<AiDailySpend>.Instance), options, time, NullLogger<AiCallMeter>.Instance);
        using var writer = new AiCallWriter(meter, scopes, options);
        await writer.StartAsync(CancellationToken.None);
        var (alice, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var recorded = new List<AiCallRecord>();
        foreach (var (user, feature, model, input, output, ms, seconds, hour) in new (Guid, string, string, long, long, double, double, int)[]
        {
            (alice, AiFeatures.Forecast, "nbeats-a", 20, 5, 12, 0.012, 1),
            (alice, AiFeatures.Forecast, "nbeats-a", 20, 5, 8, 0.008, 2),
            (alice, "chat", "gpt-x", 1_500, 400, 900, 0, 30),
            (bob, AiFeatures.Sentiment, "minilm", 1, 1, 4, 0.004, 3),
            (bob, AiFeatures.Forecast, "nbeats-a", 20, 5, 10, 0.01, 26),
        })
        {
            time.Now = day.AddHours(hour);
            recorded.Add(meter.Record(new AiCall(feature, model, "1", input, output, TimeSpan.FromMilliseconds(ms), seconds, "CPUExecutionProvider", user.ToString())));
        }

        await meter.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(0.25m * 0.012m, recorded[0].CostUsd);
        Assert.Equal((0.01m * 1.5m) + (0.03m * 0.4m), recorded[2].CostUsd);
        Assert.Equal(0m, recorded[3].CostUsd);
        var range = $"from={day:yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}";
        using var aliceClient = Client(factory, "trader", alice);
        using var bobClient = Client(factory, "trader", bob);
        using var admin = Client(factory, "admin", Guid.NewGuid());

        AssertStatistics(recorded.Where(r => r.UserId == alice.ToString()).ToList(), await ReadAsync(await aliceClient.GetAsync($"/api/ai/cost/statistics?{range}"), HttpStatusCode.OK));
        AssertStatistics(recorded.Where(r => r.UserId == bob.ToString()).ToList(), await ReadAsync(await bobClient.GetAsync($"/ai/cost/statistics?from_date={day:yyyy-MM-dd}&to_date={day.AddDays(1):yyyy-MM-dd}"), HttpStatusCode.OK));
        AssertStatistics(recorded, await ReadAsync(await admin.GetAsync($"/api/ai/cost/statistics?{range}"), HttpStatusCode.OK));
        // The first day alone: not bob's call of the next day.
        AssertStatistics(recorded.Where(r => r.RecordedAt < day.AddDays(1)).ToList(), await ReadAsync(await admin.GetAsync($"/api/ai/cost/statistics?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}"), HttpStatusCode.OK));
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/ai/cost/statistics")).StatusCode);
    }

    private static void AssertStatistics(List<AiCallRecord> expected, JsonElement stats)
    {
        Assert.Equal(expected.Count, stats.GetProperty("totalRequests").GetInt64());
        Assert.Equal(expected.Sum(r => r.InputUnits), stats.GetProperty("totalInputTokens").GetInt64());
        Assert.Equal(expected.Sum(r => r.OutputUnits), stats.GetProperty("totalOutputTokens").GetInt64());
        Assert.Equal(expected.Sum(r => r.CostUsd), stats.GetProperty("totalCostUsd").GetDecimal());
        foreach (var (property, key) in new (string, Func<AiCallRecord, string>)[]
        {
            ("byModel", r => $"{r.Model} {r.ModelVersion}"), ("byFeature", r => r.Feature), ("byDay", r => r.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        })
        {
            var groups = expected.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            var actual = stats.GetProperty(property).EnumerateArray().ToList();
            Assert.Equal(groups.Select(g => g.Key), actual.Select(a => a.GetProperty("key").GetString()));
            foreach (var (group, item) in groups.Zip(actual))
            {
                Assert.Equal(group.Count(), item.GetProperty("requests").GetInt64());
                Assert.Equal(group.Sum(r => r.InputUnits), item.GetProperty("inputUnits").GetInt64());
                Assert.Equal(group.Sum(r => r.OutputUnits), item.GetProperty("outputUnits").GetInt64());
                Assert.Equal(group.Sum(r => r.CostUsd), item.GetProperty("costUsd").GetDecimal());
                Assert.Equal(group.Average(r => r.LatencyMs), item.GetProperty("meanLatencyMs").GetDouble(), 1e-9);
            }
        }
    }

    [Fact]
    public async Task A_spent_daily_budget_refuses_its_feature_with_429_until_midnight_UTC_and_another_feature_still_answers()
    {
        decimal spent;
        await using (var probe = Factory())
        {
            await StartedAsync(probe);
            spent = await probe.Services.GetRequiredService<AiDailySpend>().SpentTodayAsync(AiFeatures.Sentiment, CancellationToken.None);
        }

        // Today's spend so far, plus less than one call: the first call is allowed, the next is refused.
        var budget = spent + 0.0005m;
        await using var factory = Factory(("AiCosts:Prices:sentiment:Per1KInputTokensUsd", "1"),
            ("AiCosts:DailyBudgetsUsd:sentiment", budget.ToString(CultureInfo.InvariantCulture)), ("AiCosts:DailyBudgetsUsd:forecast", "1000000"));
        await StartedAsync(factory);
        using var trader = Client(factory, "trader", Guid.NewGuid());

        await ReadAsync(await trader.PostAsJsonAsync("/api/sentiment/analyze", new { text = "Shares slumped after the warning." }), HttpStatusCode.OK);
        using var refused = await trader.PostAsJsonAsync("/api/sentiment/analyze", new { text = "Shares slumped after the warning." });
        var problem = await ReadAsync(refused, HttpStatusCode.TooManyRequests);
        var resetsAt = problem.GetProperty("resetsAt").GetDateTimeOffset();
        var utcNow = DateTimeOffset.UtcNow;
        Assert.Equal(new DateTimeOffset(utcNow.UtcDateTime.Date, TimeSpan.Zero).AddDays(1), resetsAt);
        var retryAfter = long.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, (long)(resetsAt - utcNow).TotalSeconds - 60, (long)Math.Ceiling((resetsAt - utcNow).TotalSeconds) + 1);
        Assert.Equal(budget, problem.GetProperty("budgetUsd").GetDecimal());
        Assert.True(problem.GetProperty("spentUsd").GetDecimal() >= budget);
        Assert.Equal(AiFeatures.Sentiment, problem.GetProperty("feature").GetString());
        Assert.Contains("resets at", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Forecasting has budget left: it answers (here 409, as no model serves the symbol), not 429.
        await ReadAsync(await trader.PostAsJsonAsync("/api/infer/forecast/nbeats", new { symbol = "NOSUCH-C", interval = "1m" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Stopping_the_writer_stores_every_queued_record_once()
    {
        await using var factory = Factory();
        await StartedAsync(factory);
        var options = factory.Services.GetRequiredService<IOptionsMonitor<AiCostOptions>>();
        var scopes = factory.Services.GetRequiredService<IServiceScopeFactory>();
        var meter = new AiCallMeter(new AiDailySpend(scopes, options, TimeProvider.System, NullLogger<AiDailySpend>.Instance), options, TimeProvider.System,
            NullLogger<AiCallMeter>.Instance);
        var user = Guid.NewGuid();
        for (var i = 0; i < 1_200; i++)
        {
            meter.Record(new AiCall(AiFeatures.Forecast, "nbeats-a", "1", 20, 5, TimeSpan.FromMilliseconds(1), 0.001, null, user.ToString()));
        }

        // Started after the calls and stopped at once: stopping drains the queue (three batches of at most 500).
        using var writer = new AiCallWriter(meter, scopes, options);
        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        Assert.True(meter.FlushAsync().IsCompletedSuccessfully);
        var records = await RecordsOfAsync(factory, user);
        Assert.Equal(1_200, records.Count);
        Assert.Equal(1_200, records.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task Todays_spend_counts_this_replicas_unstored_calls_at_once_and_another_replicas_after_the_refresh()
    {
        // A feature of the test's own, so that no other call adds to it; 1 USD per 1,000 input units.
        var feature = $"test-{Guid.NewGuid():N}"[..30];
        await using var factory = Factory(("AiCosts:SpendRefreshSeconds", "60"), ($"AiCosts:Prices:{feature}:Per1KInputTokensUsd", "1"));
        await StartedAsync(factory);
        var options = factory.Services.GetRequiredService<IOptionsMonitor<AiCostOptions>>();
        var scopes = factory.Services.GetRequiredService<IServiceScopeFactory>();
        var time = new FixedTime(DateTimeOffset.UtcNow);
        var spend = new AiDailySpend(scopes, options, time, NullLogger<AiDailySpend>.Instance);
        var meter = new AiCallMeter(spend, options, time, NullLogger<AiCallMeter>.Instance);

        Assert.Equal(0m, await spend.SpentTodayAsync(feature, CancellationToken.None));

        // This replica's call (2,000 units: 2 USD) counts before any writer stored it.
        meter.Record(new AiCall(feature, "m", "1", 2_000, 0, TimeSpan.Zero, 0, null, null));
        Assert.Equal(2m, await spend.SpentTodayAsync(feature, CancellationToken.None));

        // Another replica's call, straight into the database: seen once the figures are older than the refresh.
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
            var now = time.GetUtcNow();
            db.AiCallRecords.Add(new AiCallRecord
            {
                Id = Guid.NewGuid(), Feature = feature, Model = "m", ModelVersion = "1", CostUsd = 0.75m, RecordedAt = now, RecordedOn = DateOnly.FromDateTime(now.UtcDateTime),
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(2m, await spend.SpentTodayAsync(feature, CancellationToken.None));
        time.Now = time.Now.AddSeconds(61);
        // The stale figure answers at once and starts the reload in the background: wait for it.
        await Poll.UntilAsync(() => spend.SpentTodayAsync(feature, CancellationToken.None).AsTask(), spent => spent == 2.75m,
            TimeSpan.FromSeconds(15), "the background reload of today's spend", TimeSpan.FromMilliseconds(10));

        Assert.Equal(2.75m, await spend.SpentTodayAsync(feature, CancellationToken.None));
    }

    [Theory]
    [InlineData("from=2026-03-02&to=2026-03-01", "from")]
    [InlineData("from=2025-01-01&to=2026-03-01", "to")]
    [InlineData("from_date=yesterday", "from_date")]
    [InlineData("from_date=2026-03-02&to_date=2026-03-01", "from_date")]
    public async Task Bad_ranges_answer_400_naming_the_field(string query, string field)
    {
        await using var factory = Factory();
        await StartedAsync(factory);
        using var trader = Client(factory, "trader", Guid.NewGuid());

        var problem = await ReadAsync(await trader.GetAsync($"/api/ai/cost/statistics?{query}"), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public void Negative_prices_or_non_positive_budgets_do_not_start()
    {
        var options = new AiCostOptions
        {
            Prices = { ["x"] = new AiPrice { PerDeviceSecondUsd = -1 } },
            DailyBudgetsUsd = { ["sentiment"] = 0 },
        };

        Assert.Equal(2, options.Validate().Count);
        Assert.Empty(new AiCostOptions { Prices = { ["x"] = new AiPrice { Per1KInputTokensUsd = 1 } }, DailyBudgetsUsd = { ["sentiment"] = 1 } }.Validate());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
