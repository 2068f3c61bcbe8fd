using System.Net;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Tests.Backtests;
using TradingPlatform.Api.Tests.Market;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Jobs;
using TradingPlatform.Jobs.Optimizations;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Optimization;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Api.Tests.Optimizations;

/// <summary>
/// POST /api/optimizations checks the grid, objective and windows, stores a queued run and enqueues its job on the
/// Worker's optimizations queue; reads, heat maps, cancel and delete answer only the owner.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class OptimizationsApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    /// <summary>Low, so that the limit is reached with a small grid.</summary>
    private const int MaxCombinations = 50;

    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = await ApiFactory.StartAsync(infrastructure, null, ("Optimizations:MaxCombinations", MaxCombinations.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await _factory.Services.GetRequiredService<SchemaStatus<TradingDbContext>>().Completion.WaitAsync(TimeSpan.FromSeconds(60));
        _ = _factory.Services.GetRequiredService<JobStorage>();
        await _factory.StoreHistoryAsync("BTC-USD", "ETH-USD");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static readonly object DefaultGrid = new Dictionary<string, object> { ["fast"] = new[] { 5, 10 }, ["slow"] = new { min = 20, max = 40, step = 10 } };

    private static Dictionary<string, object?> Request(
        object? grid = null, string? kind = null, string? objective = null, object? walkForward = null, string[]? symbols = null,
        DateTimeOffset? start = null, DateTimeOffset? end = null, string algorithm = "sma_crossover", object? parameters = null)
    {
        var body = (Dictionary<string, object?>)BacktestKit.InlineRequest(parameters ?? new { fast = 5, slow = 20 }, algorithm, symbols, start: start, end: end);
        body["grid"] = grid ?? DefaultGrid;
        if (kind is not null)
        {
            body["kind"] = kind;
        }

        if (objective is not null)
        {
            body["objective"] = objective;
        }

        if (walkForward is not null)
        {
            body["walkForward"] = walkForward;
        }

        return body;
    }

    private static async Task<Guid> CreateAsync(HttpClient client, object? body = null)
    {
        using var response = await client.PostJsonAsync("/api/optimizations", body ?? Request());
        return (await response.ReadDataAsync(HttpStatusCode.Accepted)).GetProperty("id").GetGuid();
    }

    private async Task<OptimizationRun?> RowAsync(Guid id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TradingDbContext>().Optimizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == OptimizationId.From(id));
    }

    private async Task<long> CountRowsAsync(Guid ownerId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TradingDbContext>().Optimizations.LongCountAsync(o => o.OwnerId == ownerId);
    }

    private Task<long> CountJobsAsync() => MarketKit.CountAsync(infrastructure,
        "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE @type", ("type", $"%{nameof(IOptimizationJob)}%"));

    [Fact]
    public async Task A_sweep_answers_202_with_its_location_stores_six_combinations_and_enqueues_its_job_on_the_optimizations_queue()
    {
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var response = await client.PostJsonAsync("/api/optimizations", Request(objective: "total_return"));
            var body = await response.ReadJsonAsync();

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal("Optimization queued.", body.GetProperty("message").GetString());
            var data = body.GetProperty("data");
            var id = data.GetProperty("id").GetGuid();
            Assert.Equal($"/api/optimizations/{id}", response.Headers.Location?.OriginalString);
            Assert.Equal("queued", data.GetProperty("status").GetString());
            Assert.Equal("sweep", data.GetProperty("kind").GetString());
            Assert.Equal("total_return", data.GetProperty("objective").GetString());
            Assert.Equal(6, data.GetProperty("combinations").GetInt32());

            var row = await RowAsync(id);
            Assert.NotNull(row);
            Assert.Equal(user.Id, row!.OwnerId);
            Assert.Equal(BacktestStatus.Queued, row.Status);
            Assert.Equal(6, row.Combinations);
            Assert.Equal(OptimizationKind.Sweep, row.Kind);
            var job = _factory.Job(row.JobId!);
            Assert.NotNull(job);
            Assert.Equal(typeof(IOptimizationJob), job!.Job.Type);
            Assert.Equal(id, Assert.IsType<Guid>(job.Job.Args[0]));
            Assert.Equal(EnqueuedState.StateName, job.State);
            Assert.Equal(JobQueues.Optimizations, _factory.JobState(row.JobId!)!.Data["Queue"]);
            Assert.Equal(1, await MarketKit.CountAsync(infrastructure,
                "SELECT count(*) FROM hangfire.jobqueue WHERE jobid = @id AND queue = 'optimizations'", ("id", long.Parse(row.JobId!, System.Globalization.CultureInfo.InvariantCulture))));
        }
    }

    public static TheoryData<string, string, string> Invalid => new()
    {
        // JSON body, field, a precise part of the message
        { Json(WithoutGrid()), "grid", "The grid is an object with at least one parameter" },
        { Json(Request(grid: new { })), "grid", "The grid is an object with at least one parameter" },
        { Json(Request(grid: new { fast = new[] { 5, 2000 } })), "grid", "Grid value 2000 of 'fast' is not allowed" },
        { Json(Request(grid: new { period = new[] { 5, 10 } })), "grid", "sma_crossover has no parameter 'period'" },
        { Json(Request(grid: new { slow = new { min = 20, max = 40 } })), "grid.slow", "slow needs min, max and step." },
        { Json(Request(grid: new { fast = new { min = 1, max = 10, step = 1 }, slow = new { min = 20, max = 30, step = 1 } })), "grid",
            "more than the limit of 50" },
        { Json(Request(objective: "luck")), "objective", "The objective is one of" },
        { Json(Request(kind: "walk_forward")), "walkForward", "A walk_forward needs walkForward" },
        { Json(Request(kind: "walk_forward", symbols: ["BTC-USD", "ETH-USD"], walkForward: new { inSampleBars = 1000, outOfSampleBars = 500 })), "symbols",
            "A walk-forward runs on exactly one symbol." },
        { Json(Request(kind: "walk_forward", walkForward: new { inSampleBars = 4000, outOfSampleBars = 500 })), "walkForward",
            "do not fit in the 4,320 bars of the period" },
        { Json(Request(start: BacktestKit.DataEnd, end: BacktestKit.DataStart)), "end", "The end must be after the start." },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task An_invalid_optimization_answers_422_at_its_field_and_nothing_is_stored_or_enqueued(string body, string field, string message)
    {
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var jobs = await CountJobsAsync();

            using var response = await client.PostAsync(new Uri("/api/optimizations", UriKind.Relative),
                new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

            var error = await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            var details = error.GetProperty("details");
            Assert.True(details.TryGetProperty(field, out var messages), $"no '{field}' in {details}");
            Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(message, StringComparison.Ordinal));
            Assert.Equal(0, await CountRowsAsync(user.Id));
            Assert.Equal(jobs, await CountJobsAsync());
        }
    }

    [Fact]
    public async Task Another_users_optimization_answers_404_on_every_endpoint_and_the_list_holds_only_the_callers()
    {
        var (_, owner) = await _factory.CreateUserWithClientAsync();
        var (_, other) = await _factory.CreateUserWithClientAsync();
        using (owner)
        using (other)
        {
            var id = await CreateAsync(owner);
            var theirs = await CreateAsync(other);
            foreach (var (method, path) in Endpoints())
            {
                using var foreign = await other.SendAsync(new HttpRequestMessage(method, path.Replace("{id}", id.ToString(), StringComparison.Ordinal)));
                var error = await ApiJson.AssertErrorEnvelopeAsync(foreign, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
                Assert.Equal("Optimization not found.", error.GetProperty("message").GetString());
            }

            var row = await RowAsync(id);
            Assert.Equal(BacktestStatus.Queued, row!.Status);
            Assert.Equal(EnqueuedState.StateName, _factory.Job(row.JobId!)!.State);

            using var mine = await owner.GetAsync("/api/optimizations");
            var list = await mine.ReadJsonAsync();
            Assert.Equal([id], list.GetProperty("data").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
            Assert.Equal(1, list.GetProperty("pagination").GetProperty("total").GetInt32());
            using var theirList = await other.GetAsync("/api/optimizations");
            Assert.Equal([theirs], (await theirList.ReadDataAsync()).EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
            using var get = await owner.GetAsync($"/api/optimizations/{id}");
            Assert.Equal("queued", (await get.ReadDataAsync()).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task A_completed_optimization_shows_its_top_rows_pages_its_results_and_draws_heat_maps()
    {
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var id = await InsertCompletedAsync(user.Id);

            using (var get = await client.GetAsync($"/api/optimizations/{id}"))
            {
                var data = await get.ReadDataAsync();
                Assert.Equal("completed", data.GetProperty("status").GetString());
                var top = data.GetProperty("top").EnumerateArray().ToList();
                Assert.Equal([1, 2, 3, 4], top.Select(r => r.GetProperty("rank").GetInt32()));
                Assert.Equal(10, top[0].GetProperty("parameters").GetProperty("fast").GetDouble());
                Assert.Equal(2.5, top[0].GetProperty("objective").GetDouble());
            }

            using (var page = await client.GetAsync($"/api/optimizations/{id}/results?page=2&limit=3"))
            {
                var json = await page.ReadJsonAsync();
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Equal(4, json.GetProperty("pagination").GetProperty("total").GetInt32());
                Assert.Equal(2, json.GetProperty("pagination").GetProperty("totalPages").GetInt32());
                Assert.Equal([4], json.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("rank").GetInt32()));
            }

            using (var png = await client.GetAsync($"/api/optimizations/{id}/heatmap.png"))
            {
                Assert.Equal(HttpStatusCode.OK, png.StatusCode);
                Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
                var bytes = await png.Content.ReadAsByteArrayAsync();
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes.Take(4));
            }

            using (var svg = await client.GetAsync($"/api/optimizations/{id}/heatmap.svg?x=slow&y=fast"))
            {
                Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
                Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
                var text = await svg.Content.ReadAsStringAsync();
                Assert.StartsWith("<svg", text.TrimStart().Replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "", StringComparison.Ordinal).TrimStart(), StringComparison.Ordinal);
                Assert.Contains("fast", text, StringComparison.Ordinal);
                Assert.Contains("slow", text, StringComparison.Ordinal);
            }

            using (var same = await client.GetAsync($"/api/optimizations/{id}/heatmap.png?x=fast&y=fast"))
            {
                var error = await ApiJson.AssertErrorEnvelopeAsync(same, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
                Assert.True(error.GetProperty("details").TryGetProperty("y", out _), error.ToString());
            }

            using (var unknown = await client.GetAsync($"/api/optimizations/{id}/heatmap.svg?x=fast&y=period"))
            {
                await ApiJson.AssertErrorEnvelopeAsync(unknown, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            }

            using var completedCancel = await client.PostAsync(new Uri($"/api/optimizations/{id}/cancel", UriKind.Relative), null);
            await ApiJson.AssertErrorEnvelopeAsync(completedCancel, HttpStatusCode.Conflict, "CONFLICT_ERROR");

            using var delete = await client.DeleteAsync(new Uri($"/api/optimizations/{id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
            Assert.Null(await RowAsync(id));
        }
    }

    [Fact]
    public async Task A_queued_optimization_has_no_heat_map_yet_cancels_once_deleting_its_job_and_deletes_with_204()
    {
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            var id = await CreateAsync(client);
            var jobId = (await RowAsync(id))!.JobId!;

            using (var heatmap = await client.GetAsync($"/api/optimizations/{id}/heatmap.png"))
            {
                await ApiJson.AssertErrorEnvelopeAsync(heatmap, HttpStatusCode.Conflict, "CONFLICT_ERROR");
            }

            using (var results = await client.GetAsync($"/api/optimizations/{id}/results"))
            {
                await ApiJson.AssertErrorEnvelopeAsync(results, HttpStatusCode.Conflict, "CONFLICT_ERROR");
            }

            using (var cancel = await client.PostAsync(new Uri($"/api/optimizations/{id}/cancel", UriKind.Relative), null))
            {
                var body = await cancel.ReadJsonAsync();
                Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
                Assert.Equal("cancelled", body.GetProperty("data").GetProperty("status").GetString());
                Assert.NotEqual(JsonValueKind.Null, body.GetProperty("data").GetProperty("completedAt").ValueKind);
            }

            Assert.Equal(DeletedState.StateName, _factory.Job(jobId)!.State);
            Assert.Equal(BacktestStatus.Cancelled, (await RowAsync(id))!.Status);

            using (var again = await client.PostAsync(new Uri($"/api/optimizations/{id}/cancel", UriKind.Relative), null))
            {
                var error = await ApiJson.AssertErrorEnvelopeAsync(again, HttpStatusCode.Conflict, "CONFLICT_ERROR");
                Assert.Contains("is cancelled", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            }

            using var delete = await client.DeleteAsync(new Uri($"/api/optimizations/{id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
            Assert.Equal(0, await CountRowsAsync(user.Id));
            using var get = await client.GetAsync($"/api/optimizations/{id}");
            await ApiJson.AssertErrorEnvelopeAsync(get, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
        }
    }

    private async Task<Guid> InsertCompletedAsync(Guid ownerId)
    {
        OptimizationRowRecord Row(int rank, double fast, double slow, double objective) => new(
            rank, new Dictionary<string, double> { ["fast"] = fast, ["slow"] = slow }, objective, true,
            BacktestMetrics.Empty with { Sharpe = objective, FinalEquity = 50_000m + (decimal)objective * 1000m });
        var rows = new List<OptimizationRowRecord> { Row(1, 10, 30, 2.5), Row(2, 5, 30, 1.5), Row(3, 10, 20, 0.5), Row(4, 5, 20, -1) };
        var run = new OptimizationRun
        {
            OwnerId = ownerId, Kind = OptimizationKind.Sweep, Algorithm = "sma_crossover", FixedParameters = """{"fast":5,"slow":20,"allowShort":false}""",
            Grid = """{"fast":[5,10],"slow":[20,30]}""", Objective = "sharpe", RiskManagement = RiskManagement.Default, Symbols = ["BTC-USD"],
            Interval = CandleInterval.OneMinute, Start = BacktestKit.DataStart, End = BacktestKit.DataEnd, InitialBalance = 50_000m,
            Status = BacktestStatus.Completed, Progress = 1, Combinations = 4, Backend = "cpu-exact", Results = BacktestJson.Serialize(rows),
            CreatedAt = DateTimeOffset.UtcNow, StartedAt = DateTimeOffset.UtcNow, CompletedAt = DateTimeOffset.UtcNow,
        };
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        db.Optimizations.Add(run);
        await db.SaveChangesAsync();
        return run.Id.Value;
    }

    private static Dictionary<string, object?> WithoutGrid()
    {
        var body = Request();
        body.Remove("grid");
        return body;
    }

    private static IEnumerable<(HttpMethod Method, string Path)> Endpoints() =>
    [
        (HttpMethod.Get, "/api/optimizations/{id}"),
        (HttpMethod.Get, "/api/optimizations/{id}/results"),
        (HttpMethod.Get, "/api/optimizations/{id}/heatmap.png"),
        (HttpMethod.Get, "/api/optimizations/{id}/heatmap.svg"),
        (HttpMethod.Post, "/api/optimizations/{id}/cancel"),
        (HttpMethod.Delete, "/api/optimizations/{id}"),
    ];

    private static string Json(object body) => JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
}
