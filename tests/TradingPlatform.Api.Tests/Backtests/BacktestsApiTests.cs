using System.Net;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Tests.Strategies;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Jobs;
using TradingPlatform.Jobs.Backtests;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Api.Tests.Backtests;

/// <summary>
/// POST /api/backtests stores a queued run and enqueues its job on the Worker's queue; cancel and delete act on the row
/// and the job; every endpoint answers only the owner.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class BacktestsApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = await TradingApiFactory.StartAsync(infrastructure);
        // The storage installs Hangfire's schema when it is created (the Api's client creates it at its first enqueue).
        _ = _factory.Services.GetRequiredService<JobStorage>();
        await _factory.StoreHistoryAsync("BTC-USD");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_inline_backtest_answers_202_queued_with_its_location_and_its_job_waits_on_the_backtests_queue()
    {
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var response = await client.PostJsonAsync("/api/backtests", BacktestKit.InlineRequest(new { fast = 8, slow = 21 }, leverage: 3));
            var body = await response.ReadJsonAsync();

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.True(body.GetProperty("success").GetBoolean());
            Assert.Equal("Backtest queued.", body.GetProperty("message").GetString());
            var data = body.GetProperty("data");
            var id = data.GetProperty("id").GetGuid();
            Assert.Equal($"/api/backtests/{id}", response.Headers.Location?.OriginalString);
            Assert.Equal("queued", data.GetProperty("status").GetString());
            Assert.Equal(0d, data.GetProperty("progress").GetDouble());
            Assert.Equal("sma_crossover", data.GetProperty("algorithm").GetString());
            // Bound: the defaults of what was left out are filled in.
            var parameters = data.GetProperty("parameters");
            Assert.Equal(8, parameters.GetProperty("fast").GetInt32());
            Assert.Equal(21, parameters.GetProperty("slow").GetInt32());
            Assert.False(parameters.GetProperty("allowShort").GetBoolean());
            Assert.Equal(["BTC-USD"], data.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
            Assert.Equal("1m", data.GetProperty("interval").GetString());
            Assert.Equal(BacktestKit.DataStart, data.GetProperty("start").GetDateTimeOffset());
            Assert.Equal(BacktestKit.DataEnd, data.GetProperty("end").GetDateTimeOffset());
            Assert.Equal(50_000m, data.GetProperty("initialBalance").GetDecimal());
            Assert.Equal(3, data.GetProperty("leverage").GetInt32());
            Assert.Equal("nearer_extreme_first", data.GetProperty("intrabarPath").GetString());
            Assert.Equal(JsonValueKind.Null, data.GetProperty("metrics").ValueKind);

            var row = await _factory.RowAsync(id);
            Assert.NotNull(row);
            Assert.Equal(user.Id, row.OwnerId);
            Assert.Equal(BacktestStatus.Queued, row.Status);
            Assert.False(string.IsNullOrEmpty(row.JobId));
            var job = _factory.Job(row.JobId!);
            Assert.NotNull(job);
            Assert.Equal(typeof(IBacktestJob), job.Job.Type);
            Assert.Equal(nameof(IBacktestJob.RunAsync), job.Job.Method.Name);
            Assert.Equal(id, Assert.IsType<Guid>(job.Job.Args[0]));
            Assert.Equal(EnqueuedState.StateName, job.State);
            Assert.Equal(JobQueues.Backtests, _factory.JobState(row.JobId!)!.Data["Queue"]);
            Assert.Equal(1, await Market.MarketKit.CountAsync(infrastructure,
                "SELECT count(*) FROM hangfire.jobqueue WHERE jobid = @id AND queue = 'backtests'", ("id", long.Parse(row.JobId!, System.Globalization.CultureInfo.InvariantCulture))));

            using var get = await client.GetAsync($"/api/backtests/{id}");
            var read = await get.ReadDataAsync();
            Assert.Equal("queued", read.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, read.GetProperty("equityCurve").ValueKind);
        }
    }

    [Fact]
    public async Task A_saved_strategy_with_an_algorithm_is_backtested_on_its_own_symbols_and_parameters()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var created = await client.PostJsonAsync("/api/strategies", new
            {
                name = "Saved", type = "automated", algorithm = "ema_crossover", symbols = new[] { "btc-usd" }, parameters = new { fast = 4, slow = 9 },
                riskManagement = new { stopLoss = 3m },
            });
            var strategyId = (await created.ReadDataAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

            using var response = await client.PostJsonAsync("/api/backtests", new
            {
                strategyId, interval = "1h", start = BacktestKit.DataStart, end = BacktestKit.DataEnd, initialBalance = 10_000m,
            });
            var data = await response.ReadDataAsync(HttpStatusCode.Accepted);

            Assert.Equal(strategyId, data.GetProperty("strategyId").GetGuid());
            Assert.Equal("ema_crossover", data.GetProperty("algorithm").GetString());
            Assert.Equal(["BTC-USD"], data.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
            Assert.Equal(4, data.GetProperty("parameters").GetProperty("fast").GetInt32());
            Assert.Equal(3m, data.GetProperty("riskManagement").GetProperty("stopLoss").GetDecimal());
            Assert.Equal("1h", data.GetProperty("interval").GetString());
        }
    }

    // ---- refusals: each names its field, and nothing is stored or enqueued ----

    public static TheoryData<string, string, string> InvalidInline => new()
    {
        // JSON body, field, a precise part of the message
        { Json(BacktestKit.InlineRequest(start: BacktestKit.DataEnd, end: BacktestKit.DataStart)), "end", "The end must be after the start." },
        { Json(BacktestKit.InlineRequest(start: BacktestKit.DataStart.AddYears(-10), end: BacktestKit.DataStart.AddYears(-10).AddDays(2))), "start",
            "There are no 1m bars for BTC-USD between 2010-03-02T00:00:00Z and 2010-03-04T00:00:00Z" },
        { Json(BacktestKit.InlineRequest(symbols: ["DOGE-USD"])), "symbols", "Unknown symbol(s): 'DOGE-USD'." },
        { Json(BacktestKit.InlineRequest(algorithm: "grid_martingale")), "strategy.algorithm", "Unknown algorithm 'grid_martingale'" },
        { Json(BacktestKit.InlineRequest(initialBalance: 0m)), "initialBalance", "The initialBalance is between 100 and 1,000,000,000 USD." },
        { Json(BacktestKit.InlineRequest(initialBalance: 1e12m)), "initialBalance", "The initialBalance is between 100 and 1,000,000,000 USD." },
        { Json(BacktestKit.InlineRequest(leverage: 21)), "leverage", "The leverage is at most 20 for BTC-USD." },
        { Json(BacktestKit.InlineRequest(new { fast = 20, slow = 20 })), "strategy.parameters.slow",
            "The slow average (20 bars) must be longer than the fast one (20 bars)." },
        { Json(BacktestKit.InlineRequest(new { fast = 5, slow = 20, period = 14 })), "strategy.parameters.period", "sma_crossover has no parameter 'period'" },
        { Json(BacktestKit.InlineRequest(new { fast = "five", slow = 20 })), "strategy.parameters.fast", "fast must be a number (or true/false for a flag)." },
        { Json(BacktestKit.InlineRequest(new { fast = 5.5, slow = 20 })), "strategy.parameters.fast", "fast must be a whole number." },
        { Json(BacktestKit.InlineRequest(interval: "2m")), "interval", "The interval is one of 1m, 5m, 15m, 1h, 4h, 1d." },
        { Json(BacktestKit.InlineRequest(risk: new { stopLoss = -1m })), "strategy.riskManagement.stopLoss", "stopLoss is a percentage between 0 and 100." },
        { Json(new { symbols = new[] { "BTC-USD" }, interval = "1m", start = BacktestKit.DataStart, end = BacktestKit.DataEnd }), "strategyId",
            "Give either strategyId (a saved strategy) or strategy (an inline one), not both." },
        { Json(new Dictionary<string, object?>(Body(BacktestKit.InlineRequest())) { ["strategyId"] = Guid.NewGuid() }), "strategyId",
            "Give either strategyId (a saved strategy) or strategy (an inline one), not both." },
    };

    [Theory]
    [MemberData(nameof(InvalidInline))]
    public async Task An_invalid_backtest_answers_422_at_its_field_and_nothing_is_stored_or_enqueued(string body, string field, string message)
    {
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            await AssertRefusedAsync(user, client, body, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR", field, message);
        }
    }

    /// <summary>
    /// Numbers as strings are read as numbers (web defaults), so "1e12" is range-checked like 1e12; "NaN" is no decimal at
    /// all and fails in the JSON layer, a 400 naming the member, as for every other body.
    /// </summary>
    [Theory]
    [InlineData("\"NaN\"", 400)]
    [InlineData("\"1e12\"", 422)]
    [InlineData("-5", 422)]
    public async Task An_absurd_balance_is_refused_and_nothing_is_stored_or_enqueued(string balance, int status)
    {
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var body = Json(BacktestKit.InlineRequest()).Replace("\"initialBalance\":50000", $"\"initialBalance\":{balance}", StringComparison.Ordinal);
            Assert.Contains(balance, body, StringComparison.Ordinal);
            var jobs = await BacktestKit.CountBacktestJobsAsync(infrastructure);

            using var response = await client.PostJsonTextAsync("/api/backtests", body);

            var error = await ApiJson.AssertErrorEnvelopeAsync(response, (HttpStatusCode)status, "VALIDATION_ERROR");
            if (status == 400)
            {
                Assert.Equal("The request body is not valid JSON (at $.initialBalance).", error.GetProperty("message").GetString());
            }
            else
            {
                Assert.Equal("The initialBalance is between 100 and 1,000,000,000 USD.", error.GetProperty("details").GetProperty("initialBalance")[0].GetString());
            }

            Assert.Equal(0, await _factory.CountRowsAsync(user.Id));
            Assert.Equal(jobs, await BacktestKit.CountBacktestJobsAsync(infrastructure));
        }
    }

    [Fact]
    public async Task An_interval_the_data_does_not_have_answers_422_at_interval()
    {
        await _factory.StoreHistoryAsync("SPX-FUT");
        // The store rolled the minutes up into every interval; without SPX-FUT's daily bars the interval is missing.
        await Market.MarketKit.ExecuteAsync(infrastructure, "DELETE FROM trading.candles WHERE symbol = 'SPX-FUT' AND interval = '1d'");
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            await AssertRefusedAsync(user, client, Json(BacktestKit.InlineRequest(symbols: ["SPX-FUT"], interval: "1d")),
                HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR", "interval", "There are no 1d bars for SPX-FUT");

            // The minutes are there: the same request on 1m is accepted.
            await client.CreateBacktestAsync(BacktestKit.InlineRequest(symbols: ["SPX-FUT"]));
        }
    }

    [Fact]
    public async Task Another_users_strategy_answers_404_like_an_unknown_one()
    {
        var (_, owner) = await _factory.CreateUserWithClientAsync();
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (owner)
        using (client)
        {
            var strategyId = await StrategiesApiTests.CreateAsync(owner, new { name = "Theirs", type = "automated", algorithm = "macd", symbols = new[] { "BTC-USD" } });
            object Request(object id) => new { strategyId = id, interval = "1m", start = BacktestKit.DataStart, end = BacktestKit.DataEnd };

            var foreign = await AssertRefusedAsync(user, client, Json(Request(strategyId)), HttpStatusCode.NotFound, "NOT_FOUND_ERROR", null, "Strategy not found.");
            var unknown = await AssertRefusedAsync(user, client, Json(Request(Guid.NewGuid())), HttpStatusCode.NotFound, "NOT_FOUND_ERROR", null, "Strategy not found.");
            Assert.Equal(unknown.GetProperty("message").GetString(), foreign.GetProperty("message").GetString());
            // The owner may.
            await owner.CreateBacktestAsync(Request(strategyId));
        }
    }

    [Fact]
    public async Task A_saved_strategy_without_an_algorithm_answers_422_at_strategyId()
    {
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var strategyId = await StrategiesApiTests.CreateAsync(client, new { name = "Manual", type = "manual", symbols = new[] { "BTC-USD" } });

            await AssertRefusedAsync(user, client, Json(new { strategyId, interval = "1m", start = BacktestKit.DataStart, end = BacktestKit.DataEnd }),
                HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR", "strategyId", $"Strategy {strategyId} has no algorithm to backtest");
        }
    }

    // ---- ownership, list, cancel, delete ----

    [Fact]
    public async Task Another_users_backtest_answers_404_on_every_endpoint_and_stays_as_it_was()
    {
        var (_, owner) = await _factory.CreateUserWithClientAsync();
        var (_, other) = await _factory.CreateUserWithClientAsync();
        using (owner)
        using (other)
        {
            var id = await owner.CreateBacktestAsync();
            var unknown = Guid.NewGuid();
            foreach (var (method, path) in Endpoints())
            {
                using var foreign = await other.SendAsync(new HttpRequestMessage(method, path.Replace("{id}", id.ToString(), StringComparison.Ordinal)));
                var foreignError = await ApiJson.AssertErrorEnvelopeAsync(foreign, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
                using var missing = await other.SendAsync(new HttpRequestMessage(method, path.Replace("{id}", unknown.ToString(), StringComparison.Ordinal)));
                var missingError = await ApiJson.AssertErrorEnvelopeAsync(missing, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
                Assert.Equal(missingError.GetProperty("message").GetString(), foreignError.GetProperty("message").GetString());
            }

            // Untouched: still queued, its job still enqueued, and the owner reaches every endpoint.
            var row = await _factory.RowAsync(id);
            Assert.Equal(BacktestStatus.Queued, row!.Status);
            Assert.Equal(EnqueuedState.StateName, _factory.Job(row.JobId!)!.State);
            using (var get = await owner.GetAsync($"/api/backtests/{id}"))
            {
                Assert.Equal("queued", (await get.ReadDataAsync()).GetProperty("status").GetString());
            }

            using (var trades = await owner.GetAsync($"/api/backtests/{id}/trades"))
            {
                Assert.Empty((await trades.ReadDataAsync()).EnumerateArray());
            }

            using (var chart = await owner.GetAsync($"/api/backtests/{id}/chart.png"))
            {
                await ApiJson.AssertErrorEnvelopeAsync(chart, HttpStatusCode.Conflict, "CONFLICT_ERROR");
            }

            using (var cancel = await owner.PostAsync(new Uri($"/api/backtests/{id}/cancel", UriKind.Relative), null))
            {
                Assert.Equal("cancelled", (await cancel.ReadDataAsync()).GetProperty("status").GetString());
            }

            using var delete = await owner.DeleteAsync(new Uri($"/api/backtests/{id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }
    }

    [Fact]
    public async Task The_list_holds_only_the_callers_backtests_newest_first_with_pagination()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        var (_, other) = await _factory.CreateUserWithClientAsync();
        using (client)
        using (other)
        {
            var first = await client.CreateBacktestAsync();
            var second = await client.CreateBacktestAsync();
            var third = await client.CreateBacktestAsync();
            var foreign = await other.CreateBacktestAsync();

            using var page1 = await client.GetAsync("/api/backtests?page=1&limit=2");
            var json1 = await page1.ReadJsonAsync();
            var pagination = json1.GetProperty("pagination");
            Assert.Equal((1, 2, 3, 2), (pagination.GetProperty("page").GetInt32(), pagination.GetProperty("limit").GetInt32(),
                pagination.GetProperty("total").GetInt32(), pagination.GetProperty("totalPages").GetInt32()));
            using var page2 = await client.GetAsync("/api/backtests?page=2&limit=2");
            var json2 = await page2.ReadJsonAsync();
            Assert.Equal(3, json2.GetProperty("pagination").GetProperty("total").GetInt32());

            var ids = json1.GetProperty("data").EnumerateArray().Concat(json2.GetProperty("data").EnumerateArray()).Select(b => b.GetProperty("id").GetGuid()).ToList();
            Assert.Equal([third, second, first], ids);
            Assert.DoesNotContain(foreign, ids);
            Assert.All(json1.GetProperty("data").EnumerateArray(), b => Assert.False(b.TryGetProperty("equityCurve", out var curve) && curve.ValueKind != JsonValueKind.Null));

            using (var cancel = await client.PostAsync(new Uri($"/api/backtests/{second}/cancel", UriKind.Relative), null))
            {
                Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            }

            using var filtered = await client.GetAsync("/api/backtests?status=cancelled");
            var cancelled = await filtered.ReadJsonAsync();
            Assert.Equal([second], cancelled.GetProperty("data").EnumerateArray().Select(b => b.GetProperty("id").GetGuid()));
            Assert.Equal(1, cancelled.GetProperty("pagination").GetProperty("total").GetInt32());

            using var theirs = await other.GetAsync("/api/backtests");
            Assert.Equal([foreign], (await theirs.ReadDataAsync()).EnumerateArray().Select(b => b.GetProperty("id").GetGuid()));

            using var bad = await client.GetAsync("/api/backtests?status=done");
            var error = await ApiJson.AssertErrorEnvelopeAsync(bad, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            Assert.True(error.GetProperty("details").TryGetProperty("status", out _));
        }
    }

    [Fact]
    public async Task Cancelling_a_queued_backtest_deletes_its_job_and_announces_it_once_and_a_second_cancel_is_a_409()
    {
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var id = await client.CreateBacktestAsync();
            var jobId = (await _factory.RowAsync(id))!.JobId!;

            using var cancel = await client.PostAsync(new Uri($"/api/backtests/{id}/cancel", UriKind.Relative), null);
            var body = await cancel.ReadJsonAsync();

            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            Assert.Equal("Backtest cancelled.", body.GetProperty("message").GetString());
            Assert.Equal("cancelled", body.GetProperty("data").GetProperty("status").GetString());
            Assert.NotEqual(JsonValueKind.Null, body.GetProperty("data").GetProperty("completedAt").ValueKind);
            Assert.Equal(DeletedState.StateName, _factory.Job(jobId)!.State);
            var row = await _factory.RowAsync(id);
            Assert.Equal(BacktestStatus.Cancelled, row!.Status);
            var completed = Assert.Single(await _factory.OutboxAsync(id));
            Assert.Equal(nameof(BacktestCompletedIntegrationEvent), completed.Type);
            Assert.Equal("cancelled", completed.Payload.GetProperty("status").GetString());
            Assert.Equal(user.Id, completed.Payload.GetProperty("userId").GetGuid());

            using var again = await client.PostAsync(new Uri($"/api/backtests/{id}/cancel", UriKind.Relative), null);
            var error = await ApiJson.AssertErrorEnvelopeAsync(again, HttpStatusCode.Conflict, "CONFLICT_ERROR");
            Assert.Equal($"Backtest {id} is cancelled; only a queued or running backtest can be cancelled.", error.GetProperty("message").GetString());
            Assert.Single(await _factory.OutboxAsync(id));
        }
    }

    [Fact]
    public async Task Deleting_a_queued_backtest_answers_204_removes_its_job_and_it_is_gone()
    {
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var id = await client.CreateBacktestAsync();
            var jobId = (await _factory.RowAsync(id))!.JobId!;

            using var delete = await client.DeleteAsync(new Uri($"/api/backtests/{id}", UriKind.Relative));

            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
            Assert.Null(await _factory.RowAsync(id));
            Assert.Equal(DeletedState.StateName, _factory.Job(jobId)!.State);
            using var get = await client.GetAsync($"/api/backtests/{id}");
            await ApiJson.AssertErrorEnvelopeAsync(get, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
            using var again = await client.DeleteAsync(new Uri($"/api/backtests/{id}", UriKind.Relative));
            await ApiJson.AssertErrorEnvelopeAsync(again, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
            Assert.Equal(0, await _factory.CountRowsAsync(user.Id));
        }
    }

    [Fact]
    public async Task Viewers_read_but_cannot_create_and_anonymous_callers_get_401()
    {
        var (_, viewer) = await _factory.CreateUserWithClientAsync("viewer");
        using (viewer)
        {
            using var list = await viewer.GetAsync("/api/backtests");
            Assert.Empty((await list.ReadDataAsync()).EnumerateArray());
            using var create = await viewer.PostJsonAsync("/api/backtests", BacktestKit.InlineRequest());
            await ApiJson.AssertErrorEnvelopeAsync(create, HttpStatusCode.Forbidden, "AUTHORIZATION_ERROR");
        }

        using var anonymous = _factory.CreateClient();
        using var response = await anonymous.GetAsync("/api/backtests");
        await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
    }

    private static IEnumerable<(HttpMethod Method, string Path)> Endpoints() =>
    [
        (HttpMethod.Get, "/api/backtests/{id}"),
        (HttpMethod.Get, "/api/backtests/{id}/trades"),
        (HttpMethod.Get, "/api/backtests/{id}/chart.png"),
        (HttpMethod.Get, "/api/backtests/{id}/chart.svg"),
        (HttpMethod.Post, "/api/backtests/{id}/cancel"),
        (HttpMethod.Delete, "/api/backtests/{id}"),
    ];

    private async Task<JsonElement> AssertRefusedAsync(
        TestUser user, HttpClient client, string body, HttpStatusCode status, string code, string? field, string message)
    {
        var jobs = await BacktestKit.CountBacktestJobsAsync(infrastructure);

        using var response = await client.PostJsonTextAsync("/api/backtests", body);

        var error = await ApiJson.AssertErrorEnvelopeAsync(response, status, code);
        if (field is null)
        {
            Assert.Contains(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        else
        {
            var details = error.GetProperty("details");
            Assert.True(details.TryGetProperty(field, out var messages), $"no '{field}' in {details}");
            Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(message, StringComparison.Ordinal));
        }

        Assert.Equal(0, await _factory.CountRowsAsync(user.Id));
        Assert.Equal(jobs, await BacktestKit.CountBacktestJobsAsync(infrastructure));
        return error;
    }

    private static Dictionary<string, object?> Body(object request) => (Dictionary<string, object?>)request;

    private static string Json(object body) => JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
}
