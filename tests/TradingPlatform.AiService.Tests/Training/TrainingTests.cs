using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AiService.Data;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;
using TradingPlatform.AiService.Tests.Support;

namespace TradingPlatform.AiService.Tests.Training;

/// <summary>
/// Seed 003's training endpoints on the real AiService (its Hangfire server on the training queue, the ai schema, the
/// trading schema's candles): a small N-BEATS trains on a symbol of the test's own, logs every epoch, is evaluated and
/// stored with its ONNX file; the same request again gives the same evaluation (fixed seed) as version 2; another user
/// sees none of it; bad requests are refused before anything is queued; a stopped run stays stopped and stores nothing.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class TrainingTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan TrainingTimeout = TimeSpan.FromMinutes(3);

    private readonly string _signingKey = RandomNumberGenerator.GetHexString(64);
    private readonly string _symbol = $"TRN{Guid.NewGuid():N}"[..12].ToUpperInvariant();
    private ServiceFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        await CandleData.AddMinutesAsync(infrastructure, _symbol, 1_500, seed: 11);

        _factory = new ServiceFactory<Program>(infrastructure.Configuration.Append(new KeyValuePair<string, string?>("Jwt:SigningKey", _signingKey)));
        // Requests before the ai schema is migrated are 503s; wait for it as a client would retry.
        await _factory.Services.GetRequiredService<SchemaStatus<AiDbContext>>().Completion.WaitAsync(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private HttpClient Client(string role = "trader", Guid? userId = null)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(_signingKey, role, userId: userId));
        return client;
    }

    private object Request(int maxEpochs = 6, int patience = 3, int hidden = 16) => new
    {
        symbol = _symbol.ToLowerInvariant(), interval = "1m", lookback = 20, horizon = 5, stackType = "generic", stacks = 1, blocksPerStack = 1,
        layersPerBlock = 2, hiddenUnits = hidden, maxEpochs, batchSize = 64, patience, seed = 7,
    };

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, Guid id, params string[] statuses) =>
        await Poll.UntilAsync(async () => await ReadAsync(await client.GetAsync($"/api/training/{id}"), HttpStatusCode.OK),
            run => statuses.Contains(run.GetProperty("status").GetString()), TrainingTimeout, $"training run {id} to be {string.Join(" or ", statuses)}");

    private async Task<Guid> StartAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync("/api/training/start", request);
        var run = await ReadAsync(response, HttpStatusCode.Accepted);
        var id = run.GetProperty("id").GetGuid();
        Assert.Equal($"/api/training/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("queued", run.GetProperty("status").GetString());
        Assert.Equal(_symbol, run.GetProperty("symbol").GetString());
        return id;
    }

    [Fact]
    public async Task A_run_trains_logs_every_epoch_and_stores_an_evaluated_model_the_same_request_again_gives_the_same_evaluation_and_another_user_sees_nothing()
    {
        var owner = Guid.NewGuid();
        using var client = Client(userId: owner);

        var id = await StartAsync(client, Request());
        var run = await WaitForAsync(client, id, "succeeded", "failed");

        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        var epochs = run.GetProperty("epochsDone").GetInt32();
        Assert.InRange(epochs, 1, 6);
        var logs = await ReadAsync(await client.GetAsync($"/api/training/{id}/logs"), HttpStatusCode.OK);
        Assert.Equal(Enumerable.Range(1, epochs), logs.EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.All(logs.EnumerateArray(), e => Assert.True(double.IsFinite(e.GetProperty("validationLoss").GetDouble()) && e.GetProperty("trainingLoss").GetDouble() > 0));
        Assert.Equal(logs.EnumerateArray().Min(e => e.GetProperty("validationLoss").GetDouble()), run.GetProperty("bestValidationLoss").GetDouble());

        var model = run.GetProperty("model");
        Assert.Equal(($"nbeats-{_symbol}-1m", 1), (model.GetProperty("name").GetString(), model.GetProperty("version").GetInt32()));
        var evaluation = model.GetProperty("evaluation");
        Assert.Equal(evaluation.GetProperty("activated").GetBoolean(), model.GetProperty("active").GetBoolean());
        Assert.True(evaluation.GetProperty("testWindows").GetInt32() >= 20);
        Assert.True(evaluation.GetProperty("model").GetProperty("mase").GetDouble() > 0);
        Assert.True(evaluation.GetProperty("randomWalk").GetProperty("mase").GetDouble() > 0);
        Assert.InRange(evaluation.GetProperty("intervalCoverage").GetDouble(), 0, 1);
        Assert.Contains("MASE", evaluation.GetProperty("decision").GetString(), StringComparison.Ordinal);

        // The stored file is the hash's, and ONNX Runtime loads it.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
            var stored = await db.ForecastModels.AsNoTracking().SingleAsync(m => m.Id == model.GetProperty("id").GetGuid());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored.Onnx)), stored.FileHash);
            Assert.Equal((20, 5, id), (stored.Lookback, stored.Horizon, stored.TrainingRunId));
            // Metered: the start, and the finished run with its device time.
            await _factory.Services.GetRequiredService<AiService.Costs.AiCallMeter>().FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var metered = await db.AiCallRecords.AsNoTracking().Where(r => r.UserId == owner.ToString()).ToListAsync();
            Assert.Single(metered, r => r.Feature == AiService.Costs.AiFeatures.Training);
            var finished = Assert.Single(metered, r => r.Feature == AiService.Costs.AiFeatures.TrainingRun);
            Assert.Equal((stored.Name, "1"), (finished.Model, finished.ModelVersion));
            Assert.True(finished.DeviceSeconds > 0);
            using var session = scope.ServiceProvider.GetRequiredService<AiService.Inference.OnnxExecution>().CreateSession(stored.Onnx);
            Assert.Equal([5], session.OutputMetadata["forecast"].Dimensions[1..]);
        }

        // Another user: the run, its logs and stopping it are all 404; their list is empty.
        using var stranger = Client();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/training/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/training/{id}/logs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/training/{id}/stop", null)).StatusCode);
        Assert.Empty((await ReadAsync(await stranger.GetAsync("/api/training"), HttpStatusCode.OK)).EnumerateArray());

        // The same request again: version 2, trained to the same weights, so the same evaluation.
        var again = await WaitForAsync(client, await StartAsync(client, Request()), "succeeded", "failed");
        var second = again.GetProperty("model");
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal(evaluation.GetProperty("model").ToString(), second.GetProperty("evaluation").GetProperty("model").ToString());
        Assert.Equal(evaluation.GetProperty("bestValidationLoss").GetDouble(), second.GetProperty("evaluation").GetProperty("bestValidationLoss").GetDouble());
        Assert.Equal([again.GetProperty("id").GetGuid(), id],
            (await ReadAsync(await client.GetAsync("/api/training"), HttpStatusCode.OK)).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Bad_requests_are_refused_before_anything_is_queued()
    {
        using var client = Client();

        var invalid = await ReadAsync(await client.PostAsJsonAsync("/api/training/start", new { symbol = _symbol, lookback = 1, horizon = 0, interval = "2m", learningRate = -1 }),
            HttpStatusCode.BadRequest);
        var errors = invalid.GetProperty("errors");
        foreach (var field in new[] { "lookback", "horizon", "interval", "learningRate" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        var unknown = await ReadAsync(await client.PostAsJsonAsync("/api/training/start", new { symbol = "NOSUCH-X", interval = "1m" }), HttpStatusCode.NotFound);
        Assert.Contains("no 1m bars of NOSUCH-X", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var tooFew = await ReadAsync(await client.PostAsJsonAsync("/api/training/start", new { symbol = _symbol, lookback = 512, horizon = 128 }), HttpStatusCode.BadRequest);
        Assert.Contains("too few", tooFew.GetProperty("errors").GetProperty("start")[0].GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/training/start", new { symbol = _symbol, forceActivation = true })).StatusCode);
        using var body = new StringContent("{\"symbol\":", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/training/start", body)).StatusCode);
        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/training/start", Request())).StatusCode);
        using var forged = _factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(RandomNumberGenerator.GetHexString(64), "trader"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/training")).StatusCode);

        Assert.Empty((await ReadAsync(await client.GetAsync("/api/training"), HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task A_stopped_run_stays_cancelled_and_stores_no_model_and_its_device_time_is_metered()
    {
        var owner = Guid.NewGuid();
        using var client = Client(userId: owner);
        var id = await StartAsync(client, Request(maxEpochs: 500, patience: 100, hidden: 128));
        await WaitForAsync(client, id, "running");

        var stopped = await ReadAsync(await client.PostAsync($"/api/training/{id}/stop", null), HttpStatusCode.OK);
        Assert.Equal("cancelled", stopped.GetProperty("status").GetString());

        // The job ends (its token is cancelled within Hangfire's check) without overwriting the run or storing a model.
        await using var scope = _factory.Services.CreateAsyncScope();
        var storage = scope.ServiceProvider.GetRequiredService<Hangfire.JobStorage>();
        var jobId = (await scope.ServiceProvider.GetRequiredService<AiDbContext>().TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == id)).JobId!;
        await Poll.UntilAsync(() => Task.FromResult(storage.GetConnection().GetStateData(jobId)?.Name), state => state is "Deleted", TrainingTimeout, "the job deleted");
        await Poll.UntilAsync(() => Task.FromResult(storage.GetMonitoringApi().ProcessingCount()), count => count == 0, TrainingTimeout, "no training job processing");
        var run = await ReadAsync(await client.GetAsync($"/api/training/{id}"), HttpStatusCode.OK);
        Assert.Equal("cancelled", run.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("model").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/training/{id}/stop", null)).StatusCode);
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        Assert.False(await db.ForecastModels.AnyAsync(m => m.TrainingRunId == id));
        // The attempt's device time was spent though: metered as a training run that answered no model, once the job's
        // thread saw its cancellation (Hangfire no longer counts a deleted job as processing while its thread unwinds).
        var meter = _factory.Services.GetRequiredService<AiService.Costs.AiCallMeter>();
        var metered = await Poll.UntilAsync(async () =>
        {
            await meter.FlushAsync();
            return await db.AiCallRecords.AsNoTracking().Where(r => r.UserId == owner.ToString() && r.Feature == AiService.Costs.AiFeatures.TrainingRun).ToListAsync();
        }, records => records.Count > 0, TrainingTimeout, "the stopped attempt metered");
        var attempt = Assert.Single(metered);
        Assert.Equal(("nbeats", 0L, 500L), (attempt.Model, attempt.OutputUnits, attempt.InputUnits));
        Assert.True(attempt.DeviceSeconds > 0);
    }
}
