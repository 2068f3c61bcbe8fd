using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Tests.Strategies;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Api.Tests.Backtests;

/// <summary>
/// A completed backtest as the Worker stores it (a real engine run over generated bars, stored straight into the row
/// and its trade rows): its metrics, equity curve, trades and charts read back through the Api.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class BacktestResultsApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private ApiFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await TradingApiFactory.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>Runs the engine on three days of BTC-USD minutes and stores the outcome as the Worker's job does.</summary>
    private async Task<(BacktestRun Run, BacktestResult Result)> StoreCompletedAsync(Guid ownerId)
    {
        var instrument = InstrumentCatalog.Find("BTC-USD")!;
        var candles = HistoryGenerator.GenerateMinutes(instrument, BacktestKit.DataStart, BacktestKit.DataEnd, seed: 7).ToList();
        var parameters = StrategyAlgorithms.Find("sma_crossover")!.Bind(new Dictionary<string, double> { ["fast"] = 5, ["slow"] = 20, ["allowShort"] = 1 }, out _)!;
        var run = new BacktestRun
        {
            OwnerId = ownerId, Algorithm = "sma_crossover", Parameters = """{"fast":5,"slow":20,"allowShort":true}""", RiskManagement = RiskManagement.Default,
            Symbols = ["BTC-USD"], Interval = CandleInterval.OneMinute, Start = BacktestKit.DataStart, End = BacktestKit.DataEnd, InitialBalance = 100_000m,
            Leverage = 2, CreatedAt = DateTimeOffset.UtcNow,
        };
        var result = BacktestEngine.Run(new BacktestSettings
        {
            Parameters = parameters, Risk = run.RiskManagement, Instruments = [instrument], Interval = run.Interval, Start = run.Start, End = run.End,
            InitialBalance = run.InitialBalance, Leverage = run.Leverage, Seed = run.Seed,
        }, new Dictionary<string, IReadOnlyList<Candle>> { ["BTC-USD"] = candles });
        run.Status = BacktestStatus.Completed;
        run.Progress = 1;
        run.StartedAt = run.CreatedAt;
        run.CompletedAt = run.CreatedAt.AddSeconds(2);
        run.Bars = result.Bars;
        run.TradeCount = result.Trades.Count;
        run.Metrics = BacktestJson.Serialize(result.Metrics);
        run.EquityCurve = BacktestJson.Serialize(EquityCurveSampler.Downsample(result.Equity));
        run.Gaps = BacktestJson.Serialize(result.Gaps);

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        db.Backtests.Add(run);
        db.BacktestTrades.AddRange(result.Trades.Select((trade, i) => BacktestTradeRecord.From(run.Id, i + 1, trade)));
        await db.SaveChangesAsync();
        return (run, result);
    }

    [Fact]
    public async Task A_completed_backtest_answers_its_metrics_and_its_equity_curve()
    {
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var (run, result) = await StoreCompletedAsync(user.Id);

            using var response = await client.GetAsync($"/api/backtests/{run.Id}");
            var data = await response.ReadDataAsync();

            Assert.Equal("completed", data.GetProperty("status").GetString());
            Assert.Equal(1d, data.GetProperty("progress").GetDouble());
            Assert.Equal(result.Bars, data.GetProperty("bars").GetInt64());
            Assert.Equal(result.Trades.Count, data.GetProperty("tradeCount").GetInt32());
            var metrics = data.GetProperty("metrics");
            Assert.Equal(result.Metrics.FinalEquity, metrics.GetProperty("finalEquity").GetDecimal());
            Assert.Equal(result.Metrics.TotalReturn, metrics.GetProperty("totalReturn").GetDouble());
            Assert.Equal(result.Metrics.Sharpe, metrics.GetProperty("sharpe").GetDouble());
            Assert.Equal(result.Metrics.MaxDrawdown, metrics.GetProperty("maxDrawdown").GetDouble());
            Assert.Equal(result.Metrics.TotalTrades, metrics.GetProperty("totalTrades").GetInt32());
            Assert.Equal(result.Metrics.FeesPaid, metrics.GetProperty("feesPaid").GetDecimal());
            Assert.Equal(result.Metrics, metrics.Deserialize<BacktestMetrics>(BacktestJson.Options));

            var expected = EquityCurveSampler.Downsample(result.Equity);
            var curve = data.GetProperty("equityCurve").EnumerateArray().ToList();
            Assert.Equal(expected.Count, curve.Count);
            Assert.True(curve.Count > 1000, $"{curve.Count} points: the three days' 4,321 points are thinned to at most ~2,000.");
            Assert.True(curve.Count < result.Equity.Count);
            Assert.Equal(expected[0].At, curve[0].GetProperty("at").GetDateTimeOffset());
            Assert.Equal(expected[^1].Equity, curve[^1].GetProperty("equity").GetDecimal());
            Assert.Equal(expected.Min(p => p.Drawdown), curve.Min(p => p.GetProperty("drawdown").GetDouble()));
            Assert.Equal(JsonValueKind.Array, data.GetProperty("gaps").ValueKind);
        }
    }

    [Fact]
    public async Task The_trades_of_a_completed_backtest_come_in_exit_order_by_page()
    {
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var (run, result) = await StoreCompletedAsync(user.Id);
            Assert.True(result.Trades.Count > 10, $"{result.Trades.Count} trades: the test needs more than two pages of 5.");

            using var response = await client.GetAsync($"/api/backtests/{run.Id}/trades?page=2&limit=5");
            var json = await response.ReadJsonAsync();

            var pagination = json.GetProperty("pagination");
            Assert.Equal(2, pagination.GetProperty("page").GetInt32());
            Assert.Equal(5, pagination.GetProperty("limit").GetInt32());
            Assert.Equal(result.Trades.Count, pagination.GetProperty("total").GetInt32());
            Assert.Equal((result.Trades.Count + 4) / 5, pagination.GetProperty("totalPages").GetInt32());
            var trades = json.GetProperty("data").EnumerateArray().ToList();
            Assert.Equal(Enumerable.Range(6, 5), trades.Select(t => t.GetProperty("number").GetInt32()));
            for (var i = 0; i < trades.Count; i++)
            {
                var (expected, actual) = (result.Trades[5 + i], trades[i]);
                Assert.Equal(expected.Symbol, actual.GetProperty("symbol").GetString());
                Assert.Equal(expected.Side.ToString().ToLowerInvariant(), actual.GetProperty("side").GetString());
                Assert.Equal(expected.Quantity, actual.GetProperty("quantity").GetDecimal());
                Assert.Equal(expected.EntryAt, actual.GetProperty("entryAt").GetDateTimeOffset());
                Assert.Equal(expected.EntryPrice, actual.GetProperty("entryPrice").GetDecimal());
                Assert.Equal(expected.ExitPrice, actual.GetProperty("exitPrice").GetDecimal());
                Assert.Equal(expected.NetPnl, actual.GetProperty("netPnl").GetDecimal());
                Assert.Equal(ApiName(expected.ExitReason), actual.GetProperty("exitReason").GetString());
            }

            using var last = await client.GetAsync($"/api/backtests/{run.Id}/trades?page={(result.Trades.Count + 4) / 5}&limit=5");
            var lastTrade = (await last.ReadDataAsync()).EnumerateArray().Last();
            Assert.Equal(result.Trades.Count, lastTrade.GetProperty("number").GetInt32());
            Assert.Equal(ApiName(result.Trades[^1].ExitReason), lastTrade.GetProperty("exitReason").GetString());
        }
    }

    [Fact]
    public async Task The_chart_of_a_completed_backtest_is_a_png_and_an_svg()
    {
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var (run, _) = await StoreCompletedAsync(user.Id);

            using var png = await client.GetAsync($"/api/backtests/{run.Id}/chart.png");
            Assert.Equal(HttpStatusCode.OK, png.StatusCode);
            Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
            var bytes = await png.Content.ReadAsByteArrayAsync();
            Assert.True(bytes.Length > 10_000, $"{bytes.Length} bytes");
            Assert.Equal(PngSignature, bytes[..8]);

            using var svg = await client.GetAsync($"/api/backtests/{run.Id}/chart.svg");
            Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
            Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
            var document = XDocument.Parse(await svg.Content.ReadAsStringAsync());
            Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), document.Root!.Name);
            Assert.Contains(document.Descendants(XName.Get("text", "http://www.w3.org/2000/svg")), t => t.Value.Contains("sma_crossover BTC-USD", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_chart_and_the_curve_of_a_queued_backtest_do_not_exist_yet()
    {
        await _factory.StoreHistoryAsync("BTC-USD");
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var id = await client.CreateBacktestAsync();

            foreach (var chart in new[] { "chart.png", "chart.svg" })
            {
                using var response = await client.GetAsync($"/api/backtests/{id}/{chart}");
                var error = await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Conflict, "CONFLICT_ERROR");
                Assert.Equal($"Backtest {id} is queued; its chart exists once it has completed.", error.GetProperty("message").GetString());
            }

            using var trades = await client.GetAsync($"/api/backtests/{id}/trades");
            var json = await trades.ReadJsonAsync();
            Assert.Empty(json.GetProperty("data").EnumerateArray());
            Assert.Equal(0, json.GetProperty("pagination").GetProperty("total").GetInt32());
        }
    }

    private static string ApiName(TradeExitReason reason) => reason switch
    {
        TradeExitReason.StopLoss => "stop_loss",
        TradeExitReason.TakeProfit => "take_profit",
        TradeExitReason.EndOfTest => "end_of_test",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
