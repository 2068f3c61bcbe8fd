extern alias worker;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;
using TradingPlatform.Trading.Strategies;
using AnalyticsDbContext = worker::TradingPlatform.Worker.Analytics.AnalyticsDbContext;
using ConfigSuggestion = worker::TradingPlatform.Worker.Analysis.ConfigSuggestion;
using WorkerProgram = worker::Program;

namespace TradingPlatform.Api.Tests.Analysis;

/// <summary>
/// The issue's Done-when, through the whole path: a trader's over-leveraged, losing strategy (liquidations and a
/// stop-loss hit at 10x), the analysis triggered through the Api and run by the Worker, its suggestions (lower the
/// leverage, tighten the stop-loss, with the figures), and applying them: the strategy and the account change (GET
/// shows it) and the audit log has it. Also: another user sees none of it (404), bad ids, stale and repeated applies,
/// dismissing, the history at both names.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ConfigSuggestionsApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private ApiFactory _api = null!;
    private ServiceFactory<WorkerProgram> _worker = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiFactory.StartAsync(infrastructure);
        _worker = new ServiceFactory<WorkerProgram>(infrastructure.Configuration);
        await _worker.Services.GetRequiredService<SchemaStatus<AnalyticsDbContext>>().Completion.WaitAsync(Timeout);
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task The_analysis_of_an_over_leveraged_losing_strategy_is_applied_to_the_strategy_and_the_account_and_audited()
    {
        var (user, client) = await _api.CreateUserWithClientAsync("trader");
        var (_, other) = await _api.CreateUserWithClientAsync("trader");
        var (_, admin) = await _api.CreateUserWithClientAsync("admin");
        using (client)
        using (other)
        using (admin)
        {
            var accountId = await client.CreateAccountAsync(10_000m, maxLeverage: 10);
            var strategyId = await CreateStrategyAsync(client, accountId);
            await AddLosingTradesAsync(accountId, strategyId);

            using (var trigger = await client.PostAsync(new Uri("/api/ai/config-analysis/trigger", UriKind.Relative), null))
            {
                await trigger.ReadDataAsync(HttpStatusCode.Accepted);
            }

            var history = await Poll.UntilAsync(() => client.GetDataAsync("/api/ai/analysis-history"),
                h => h.GetArrayLength() == 1 && h[0].GetProperty("status").GetString() != "running", Timeout, "the analysis to finish");
            var run = history[0];
            Assert.Equal(("succeeded", "manual", "rules"), (run.GetProperty("status").GetString(), run.GetProperty("trigger").GetString(), run.GetProperty("source").GetString()));
            Assert.Equal(10, run.GetProperty("figures").GetProperty($"strategy:{strategyId}:maxLeverageUsed").GetDouble());
            var seedName = await client.GetDataAsync("/api/ai/gpt4-analysis-history");
            Assert.Equal(run.GetProperty("id").GetGuid(), seedName[0].GetProperty("id").GetGuid());

            var suggestions = await client.GetDataAsync("/api/ai/config-suggestions");
            Assert.Equal(run.GetProperty("suggestionCount").GetInt32(), suggestions.GetArrayLength());
            var leverage = Single(suggestions, "leverage");
            var stop = Single(suggestions, "stopLoss");
            Assert.Equal(accountId, leverage.GetProperty("accountId").GetGuid());
            Assert.Equal(("10", "3"), (leverage.GetProperty("currentValue").GetString(), leverage.GetProperty("proposedValue").GetString()));
            Assert.Contains("2 liquidation(s)", leverage.GetProperty("reasoning").GetString(), StringComparison.Ordinal);
            Assert.Equal(strategyId, stop.GetProperty("strategyId").GetGuid());
            Assert.Equal("15", stop.GetProperty("currentValue").GetString());
            Assert.Contains("liquidated before the 15% stop", stop.GetProperty("reasoning").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Object, stop.GetProperty("expectedEffect").GetProperty("backtest").ValueKind);
            var proposedStop = decimal.Parse(stop.GetProperty("proposedValue").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(proposedStop, 0.1m, 5m);

            // Another user sees none of it, and cannot act on it.
            Assert.Equal(0, (await other.GetDataAsync("/api/ai/config-suggestions")).GetArrayLength());
            Assert.Equal(0, (await other.GetDataAsync("/api/ai/analysis-history")).GetArrayLength());
            await AssertErrorAsync(await other.PostAsync(Path(stop, "apply"), null), HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
            await AssertErrorAsync(await other.PostAsync(Path(stop, "dismiss"), null), HttpStatusCode.NotFound, "NOT_FOUND_ERROR");

            using (var applied = await client.PostAsync(Path(stop, "apply"), null))
            {
                var data = await applied.ReadDataAsync();
                Assert.Equal("applied", data.GetProperty("status").GetString());
                Assert.Equal(JsonValueKind.String, data.GetProperty("appliedAt").ValueKind);
            }

            using (var appliedLeverage = await client.PostAsync(Path(leverage, "apply"), null))
            {
                await appliedLeverage.ReadDataAsync();
            }

            var strategy = await client.GetDataAsync($"/api/strategies/{strategyId}");
            Assert.Equal(proposedStop, strategy.GetProperty("riskManagement").GetProperty("stopLoss").GetDecimal());
            Assert.Equal(30m, strategy.GetProperty("riskManagement").GetProperty("takeProfit").GetDecimal());
            Assert.Equal(3, (await client.GetDataAsync($"/api/accounts/{accountId}")).GetProperty("maxLeverage").GetInt32());
            var audit = await admin.GetDataAsync($"/api/admin/audit?userId={user.Id}&event=config_suggestion.applied");
            Assert.Equal(2, audit.GetArrayLength());
            var details = audit.EnumerateArray().Select(e => e.GetProperty("details")).Single(d => d.GetProperty("setting").GetString() == "stopLoss");
            Assert.Equal(("15", stop.GetProperty("proposedValue").GetString()), (details.GetProperty("from").GetString(), details.GetProperty("to").GetString()));
            Assert.Equal(strategyId, details.GetProperty("strategyId").GetGuid());

            // Applied once: again is a conflict; the applied ones are listed under their status.
            await AssertErrorAsync(await client.PostAsync(Path(stop, "apply"), null), HttpStatusCode.Conflict, "CONFLICT_ERROR");
            var appliedList = await client.GetDataAsync("/api/ai/config-suggestions?status=applied");
            Assert.Equal(2, appliedList.GetArrayLength());
            Assert.Equal(suggestions.GetArrayLength() - 2, (await client.GetDataAsync("/api/ai/config-suggestions")).GetArrayLength());
        }
    }

    [Fact]
    public async Task A_suggestion_whose_setting_changed_since_is_a_conflict_and_a_dismissed_one_stays_dismissed()
    {
        var (user, client) = await _api.CreateUserWithClientAsync("trader");
        using (client)
        {
            var accountId = await client.CreateAccountAsync(10_000m, maxLeverage: 10);
            var strategyId = await CreateStrategyAsync(client, accountId);
            var stale = await AddSuggestionAsync(user.Id, strategyId, null, "stopLoss", "12", "5");
            var dismissable = await AddSuggestionAsync(user.Id, null, accountId, "leverage", "10", "3");

            await AssertErrorAsync(await client.PostAsync(new Uri($"/api/ai/config-suggestions/{stale}/apply", UriKind.Relative), null), HttpStatusCode.Conflict, "CONFLICT_ERROR");
            using (var dismissed = await client.PostAsync(new Uri($"/api/ai/config-suggestions/{dismissable}/dismiss", UriKind.Relative), null))
            {
                Assert.Equal("dismissed", (await dismissed.ReadDataAsync()).GetProperty("status").GetString());
            }

            await AssertErrorAsync(await client.PostAsync(new Uri($"/api/ai/config-suggestions/{dismissable}/apply", UriKind.Relative), null), HttpStatusCode.Conflict, "CONFLICT_ERROR");
            Assert.Equal(15m, (await client.GetDataAsync($"/api/strategies/{strategyId}")).GetProperty("riskManagement").GetProperty("stopLoss").GetDecimal());
            Assert.Equal(10, (await client.GetDataAsync($"/api/accounts/{accountId}")).GetProperty("maxLeverage").GetInt32());
            var dismissedList = await client.GetDataAsync("/api/ai/config-suggestions?status=dismissed");
            Assert.Equal(dismissable, Assert.Single(dismissedList.EnumerateArray()).GetProperty("id").GetGuid());
        }
    }

    [Theory]
    [InlineData("POST", "/api/ai/config-suggestions/not-a-guid/apply", HttpStatusCode.NotFound, "NOT_FOUND_ERROR")]
    [InlineData("POST", "/api/ai/config-suggestions/0193a000-0000-7000-8000-0000000000ff/apply", HttpStatusCode.NotFound, "NOT_FOUND_ERROR")]
    [InlineData("POST", "/api/ai/config-suggestions/0193a000-0000-7000-8000-0000000000ff/dismiss", HttpStatusCode.NotFound, "NOT_FOUND_ERROR")]
    [InlineData("GET", "/api/ai/config-suggestions?status=everything", HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR")]
    [InlineData("GET", "/api/ai/config-suggestions?limit=0", HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR")]
    [InlineData("GET", "/api/ai/analysis-history?page=0", HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR")]
    public async Task Bad_ids_and_filters_are_clear_errors(string method, string path, HttpStatusCode status, string code)
    {
        var (_, client) = await _api.CreateUserWithClientAsync("trader");
        using (client)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            await AssertErrorAsync(await client.SendAsync(request), status, code);
        }
    }

    [Fact]
    public async Task A_viewer_may_read_but_not_apply_and_anonymous_is_401()
    {
        var (user, viewer) = await _api.CreateUserWithClientAsync("viewer");
        using var anonymous = _api.CreateClient();
        using (viewer)
        {
            var id = await AddSuggestionAsync(user.Id, null, Guid.NewGuid(), "leverage", "10", "3");

            Assert.Equal(1, (await viewer.GetDataAsync("/api/ai/config-suggestions")).GetArrayLength());
            await AssertErrorAsync(await viewer.PostAsync(new Uri($"/api/ai/config-suggestions/{id}/apply", UriKind.Relative), null), HttpStatusCode.Forbidden, "AUTHORIZATION_ERROR");
            await AssertErrorAsync(await anonymous.GetAsync(new Uri("/api/ai/config-suggestions", UriKind.Relative)), HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        }
    }

    private static JsonElement Single(JsonElement suggestions, string setting) =>
        Assert.Single(suggestions.EnumerateArray(), s => s.GetProperty("setting").GetString() == setting);

    private static Uri Path(JsonElement suggestion, string action) =>
        new($"/api/ai/config-suggestions/{suggestion.GetProperty("id").GetGuid()}/{action}", UriKind.Relative);

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        using (response)
        {
            await ApiJson.AssertErrorEnvelopeAsync(response, status, code);
        }
    }

    private static async Task<Guid> CreateStrategyAsync(HttpClient client, Guid accountId)
    {
        using var created = await client.PostJsonAsync("/api/strategies", new
        {
            name = "Leveraged trend", type = "automated", algorithm = "sma_crossover", symbols = new[] { "BTC-USD" }, accountId,
            parameters = new { fast = 5, slow = 20 }, riskManagement = new { maxRiskPerTrade = 1, maxDailyLoss = 5, stopLoss = 15, takeProfit = 30 },
        });
        return (await created.ReadDataAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Six round trips of the strategy at 10x as the simulator books them: two liquidations (−570), a stop-loss hit that
    /// gapped past the stop (−930), two losing closes (−300) and a win (+400), a fee of 6 a fill.
    /// </summary>
    private async Task AddLosingTradesAsync(Guid accountGuid, Guid strategyGuid)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        var accountId = AccountId.From(accountGuid);
        var strategyId = StrategyId.From(strategyGuid);
        var start = DateTimeOffset.UtcNow.AddDays(-5);
        (decimal Pnl, PositionCloseReason Reason)[] trips =
        [
            (-570m, PositionCloseReason.Liquidation), (-300m, PositionCloseReason.Closed), (400m, PositionCloseReason.TakeProfit),
            (-930m, PositionCloseReason.StopLoss), (-570m, PositionCloseReason.Liquidation), (-300m, PositionCloseReason.Closed),
        ];
        foreach (var (trip, i) in trips.Select((t, i) => (t, i)))
        {
            var openedAt = start.AddHours(12 * i);
            var position = new Position
            {
                Id = PositionId.New(), AccountId = accountId, Symbol = "BTC-USD", Side = PositionSide.Long, EntryPrice = 100m, Margin = 600m,
                RealizedPnl = trip.Pnl, ClosePrice = 100m + trip.Pnl / 60m, CloseReason = trip.Reason, OpenedAt = openedAt, UpdatedAt = openedAt.AddHours(2), ClosedAt = openedAt.AddHours(2),
            };
            db.Positions.Add(position);
            foreach (var (side, at, realized) in new[] { (OrderSide.Buy, openedAt, 0m), (OrderSide.Sell, openedAt.AddHours(2), trip.Pnl) })
            {
                var order = new Order
                {
                    Id = OrderId.New(), AccountId = accountId, Symbol = "BTC-USD", Type = OrderType.Market, Side = side, Quantity = 60m,
                    TimeInForce = TimeInForce.Gtc, Leverage = 10, StrategyId = strategyId, CreatedAt = at,
                };
                db.Orders.Add(order);
                db.Fills.Add(new Fill
                {
                    Id = FillId.New(), OrderId = order.Id, AccountId = accountId, PositionId = position.Id, Symbol = "BTC-USD", Side = side, Quantity = 60m,
                    Price = side == OrderSide.Buy ? 100m : position.ClosePrice, Commission = 6m, Liquidity = Liquidity.Taker, RealizedPnl = realized,
                    StrategyId = strategyId, ExecutedAt = at,
                });
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A suggestion as the Worker stores it, for the apply path's own cases.</summary>
    private async Task<Guid> AddSuggestionAsync(Guid userId, Guid? strategyId, Guid? accountId, string setting, string current, string proposed)
    {
        await using var scope = _worker.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var run = new worker::TradingPlatform.Worker.Analysis.AnalysisRun { UserId = userId, Trigger = "manual", StartedAt = DateTimeOffset.UtcNow, Status = "succeeded" };
        var suggestion = new ConfigSuggestion
        {
            RunId = run.Id, UserId = userId, Key = $"test:{Guid.NewGuid()}", StrategyId = strategyId, AccountId = accountId, Setting = setting,
            CurrentValue = current, ProposedValue = proposed, Reasoning = "test", ExpectedEffect = """{"summary":"test"}""", Confidence = 0.5,
            Source = "rules", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.AnalysisRuns.Add(run);
        db.ConfigSuggestions.Add(suggestion);
        await db.SaveChangesAsync();
        return suggestion.Id;
    }
}
