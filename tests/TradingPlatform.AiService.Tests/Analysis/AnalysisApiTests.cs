using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TradingPlatform.AiService.Analysis;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Tests.News;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.AiService.Tests.Analysis;

/// <summary><c>POST /api/ai/analysis</c> and <c>GET /api/ai/recommendations</c> on the real AiService over inserted candles.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class AnalysisApiTests(InfrastructureFixture infrastructure)
{
    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<List<AiSignalGeneratedIntegrationEvent>> SignalEventsAsync(NewsHost host, Guid recommendationId)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        var payloads = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Type == nameof(AiSignalGeneratedIntegrationEvent)).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => JsonSerializer.Deserialize<AiSignalGeneratedIntegrationEvent>(p, IntegrationEventSerializer.Options)!)
            .Where(e => e.RecommendationId == recommendationId).ToList();
    }

    private static async Task<List<AiService.Costs.AiCallRecord>> AnalysisCallsAsync(NewsHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AiDbContext>().AiCallRecords.AsNoTracking()
            .Where(r => r.Feature == AiService.Costs.AiFeatures.Analysis).ToListAsync();
    }

    [Fact]
    public async Task A_rising_series_is_a_confident_trend_buy_stored_as_the_callers_recommendation_and_published_as_an_ai_signal()
    {
        // 40 four-hour bars rising by 0.01 from 1.2000: a straight line, R² 1, bullish with strength 1.
        var closes = Enumerable.Range(0, 40).Select(i => 1.2000m + (0.01m * i)).ToList();
        await AnalysisCandleData.AddAsync(infrastructure, "GBPUSD", CandleInterval.FourHours, closes);
        var now = new DateTimeOffset(2030, 1, 8, 0, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(now);
        await using var host = await NewsHost.StartAsync(infrastructure, time);
        using var alice = host.Client("trader");
        using var bob = host.Client("trader");
        var request = new { symbol = "GBPUSD", analysisType = "trend", timeframe = "4h" };
        var meter = host.Services.GetRequiredService<AiService.Costs.AiCallMeter>();
        var meteredBefore = await AnalysisCallsAsync(host);

        var first = await ReadAsync(await alice.PostAsJsonAsync("/api/ai/analysis", request), HttpStatusCode.OK);
        Assert.Equal(("GBPUSD", "trend", "4h", "buy"), (first.GetProperty("symbol").GetString(), first.GetProperty("analysisType").GetString(),
            first.GetProperty("timeframe").GetString(), first.GetProperty("signal").GetString()));
        Assert.Equal(1.0, first.GetProperty("confidence").GetDouble(), 1e-9);
        Assert.Equal(40, first.GetProperty("bars").GetInt32());
        Assert.Equal(1.59, first.GetProperty("lastPrice").GetDouble(), 1e-9);
        var trend = first.GetProperty("analysis").GetProperty("trend");
        Assert.Equal(("bullish", 1.0), (trend.GetProperty("direction").GetString(), trend.GetProperty("strength").GetDouble()));
        // The line rises 0.39 over a mean close of 1.395: 27.957 %.
        Assert.Equal(Math.Round(100 * 0.39 / 1.395, 4), trend.GetProperty("changePercent").GetDouble(), 1e-9);
        var recommendation = Assert.Single(first.GetProperty("recommendations").EnumerateArray().ToList());
        var firstId = recommendation.GetProperty("id").GetGuid();
        Assert.Equal(("buy", "active"), (recommendation.GetProperty("action").GetString(), recommendation.GetProperty("status").GetString()));
        Assert.Equal(1.59m, recommendation.GetProperty("price").GetDecimal());
        // Twelve 4-hour bars (Analysis:RecommendationLifetimeBars).
        Assert.Equal(now.AddHours(48), recommendation.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Contains("27.957 % over 40 bars, R² 1", recommendation.GetProperty("reasoning").GetString(), StringComparison.Ordinal);

        // Metered as the analysis feature: 40 bars in, one recommendation out.
        await meter.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var metered = Assert.Single((await AnalysisCallsAsync(host)).ExceptBy(meteredBefore.Select(m => m.Id), m => m.Id));
        Assert.Equal(("market-analysis", 40L, 1L), (metered.Model, metered.InputUnits, metered.OutputUnits));

        // Confidence 1 ≥ the threshold 0.6: one AiSignalGenerated in the outbox, with the answer's signal id.
        var published = Assert.Single(await SignalEventsAsync(host, firstId));
        Assert.Equal(first.GetProperty("signalId").GetGuid(), published.SignalId);
        Assert.Equal(("GBPUSD", "buy", 1m, 1.59m), (published.Symbol, published.Signal, published.Confidence, published.Price));

        // A second analysis supersedes the first; bob has none, and alice's are not his.
        time.Advance(TimeSpan.FromMinutes(1));
        var second = await ReadAsync(await alice.PostAsJsonAsync("/api/ai/analysis", request), HttpStatusCode.OK);
        var secondId = second.GetProperty("recommendations")[0].GetProperty("id").GetGuid();
        var list = await ReadAsync(await alice.GetAsync("/api/ai/recommendations?symbol=GBPUSD"), HttpStatusCode.OK);
        Assert.Equal(2, list.GetProperty("total").GetInt64());
        Assert.Equal([(secondId, "active"), (firstId, "superseded")],
            list.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("status").GetString())));
        var limited = await ReadAsync(await alice.GetAsync("/api/ai/recommendations?limit=1&page=2"), HttpStatusCode.OK);
        Assert.Equal(firstId, Assert.Single(limited.GetProperty("items").EnumerateArray().ToList()).GetProperty("id").GetGuid());

        var bobs = await ReadAsync(await bob.GetAsync("/api/ai/recommendations"), HttpStatusCode.OK);
        Assert.Equal(0, bobs.GetProperty("total").GetInt64());
        await ReadAsync(await bob.PostAsJsonAsync("/api/ai/analysis", request), HttpStatusCode.OK);
        Assert.Single((await ReadAsync(await bob.GetAsync("/api/ai/recommendations"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        // Bob's analysis superseded none of alice's.
        var again = await ReadAsync(await alice.GetAsync("/api/ai/recommendations"), HttpStatusCode.OK);
        Assert.Equal("active", again.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Equal(2, again.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_double_top_after_a_steady_rise_is_a_pattern_sell_with_the_bars_it_spans_and_below_the_signal_threshold()
    {
        // 24 bars rising by 0.375 from 90 (no swing in a monotonic run), then the double top of the unit tests (bars 24–29).
        var rise = Enumerable.Range(0, 24).Select(i => 90m + (0.375m * i)).Select(c => (c + 0.1m, c - 0.1m, c));
        (decimal, decimal, decimal)[] top = [(100, 99, 99.5m), (102, 100, 101.5m), (101, 98, 98.5m), (102.1m, 99, 101.8m), (101, 99.5m, 100), (100.5m, 99, 99.2m)];
        await AnalysisCandleData.AddAsync(infrastructure, "XAU-USD", CandleInterval.OneHour, [.. rise, .. top]);
        await using var host = await NewsHost.StartAsync(infrastructure, new FakeTimeProvider(new DateTimeOffset(2030, 1, 3, 0, 0, 0, TimeSpan.Zero)));
        using var client = host.Client("trader");

        var answer = await ReadAsync(await client.PostAsJsonAsync("/api/ai/analysis",
            new { symbol = "gold", analysisType = "pattern", timeframe = "1h", parameters = new { pivotWidth = 1 } }), HttpStatusCode.OK);

        Assert.Equal(("XAU-USD", "sell", 0.4), (answer.GetProperty("symbol").GetString(), answer.GetProperty("signal").GetString(), answer.GetProperty("confidence").GetDouble()));
        var analysis = answer.GetProperty("analysis");
        Assert.Equal(["double_top"], analysis.GetProperty("patterns").EnumerateArray().Select(p => p.GetString()));
        var span = analysis.GetProperty("patternDetails")[0];
        Assert.Equal((25, 27), (span.GetProperty("startIndex").GetInt32(), span.GetProperty("endIndex").GetInt32()));
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 1, 0, 0, TimeSpan.Zero), span.GetProperty("startTime").GetDateTimeOffset());
        // Resistance: the highs 102 and 102.1 (mean 102.05, 2 touches); support: the low 98.
        var levels = analysis.GetProperty("supportResistance");
        Assert.Equal(102.05, levels.GetProperty("resistance")[0].GetDouble(), 1e-9);
        Assert.Equal(98.0, levels.GetProperty("support")[0].GetDouble(), 1e-9);
        Assert.Contains("price 99.2 is 2.873 % below resistance 102.05 (2 touches)", answer.GetProperty("recommendations")[0].GetProperty("reasoning").GetString(), StringComparison.Ordinal);
        // 0.4 is under the 0.6 threshold: no signal.
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("signalId").ValueKind);
    }

    [Fact]
    public async Task Bad_input_answers_4xx_naming_the_fault_and_too_few_candles_says_how_many_are_needed()
    {
        await AnalysisCandleData.AddAsync(infrastructure, "AAPL", CandleInterval.OneDay, [.. Enumerable.Range(0, 10).Select(i => 150m + i)]);
        await using var host = await NewsHost.StartAsync(infrastructure, new FakeTimeProvider(new DateTimeOffset(2030, 2, 1, 0, 0, 0, TimeSpan.Zero)));
        using var client = host.Client("trader");

        async Task<string> Fails(object body, HttpStatusCode status)
        {
            var problem = await ReadAsync(await client.PostAsJsonAsync("/api/ai/analysis", body), status);
            return problem.GetRawText();
        }

        Assert.Contains("Unknown symbol 'NOPE'", await Fails(new { symbol = "NOPE", analysisType = "trend", timeframe = "1d" }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("analysisType must be one of: trend, support_resistance, pattern, sentiment",
            await Fails(new { symbol = "AAPL", analysisType = "astrology", timeframe = "1d" }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("timeframe must be one of", await Fails(new { symbol = "AAPL", analysisType = "trend", timeframe = "7y" }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("parameters.bars", await Fails(new { symbol = "AAPL", analysisType = "trend", timeframe = "1d", parameters = new { bars = 5 } }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("10 1d bars of AAPL are stored; a trend analysis needs at least 20",
            await Fails(new { symbol = "AAPL", analysisType = "trend", timeframe = "1d" }, HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);

        using var malformed = await client.PostAsync("/api/ai/analysis", new StringContent("{\"symbol\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        using var wrongType = await client.PostAsync("/api/ai/analysis", new StringContent("{\"symbol\": 5}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("limit", (await ReadAsync(await client.GetAsync("/api/ai/recommendations?limit=0"), HttpStatusCode.BadRequest)).GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Unknown symbol", (await ReadAsync(await client.GetAsync("/api/ai/recommendations?symbol=NOPE"), HttpStatusCode.BadRequest)).GetRawText(), StringComparison.Ordinal);
        using var anonymous = host.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/ai/recommendations")).StatusCode);
    }
}
