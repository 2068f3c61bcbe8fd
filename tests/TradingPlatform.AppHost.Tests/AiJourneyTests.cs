using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;
using TradingPlatform.Testing;

namespace TradingPlatform.AppHost.Tests;

/// <summary>
/// Forecasting through the whole stack the AppHost runs, every call through the api (which forwards to the ai service
/// by service discovery): N-BEATS trained on the ai service's training queue from the candles the api generated,
/// evaluated against the random walk and activated by the rule or by the admin, served by the forecast endpoint; then
/// a second model activated while forecasts run replaces the first with no failed request.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class AiJourneyTests(AppHostFixture fixture, ITestOutputHelper output)
{
    private const string Symbol = "ETH-USD";
    private const int Lookback = 48;
    private const int Horizon = 12;
    private static readonly TimeSpan StackTimeout = TimeSpan.FromSeconds(240);

    /// <summary>The api generates the year of history at first start (on two cores, with other work): the bars come first.</summary>
    private static readonly TimeSpan HistoryTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan TrainingTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task An_admin_trains_evaluates_and_activates_NBeats_on_generated_candles_and_a_second_model_swaps_in_under_load()
    {
        foreach (var service in new[] { "api", "ai" })
        {
            await fixture.WaitForAsync(service, AppHostFixture.IsHealthyAndRunning, StackTimeout);
        }

        using var admin = fixture.App.CreateHttpClient("api");
        admin.Timeout = TraderSession.RequestTimeout;
        await AdminLogin.AuthorizeAsync(fixture.App, admin);

        // By the rule: evaluated on the held-out 20 %, activated only when not clearly worse than the random walk.
        var ruled = await TrainAsync(admin, seed: 11, force: false);
        var evaluation = ruled.GetProperty("evaluation");
        var ratio = evaluation.GetProperty("model").GetProperty("mase").GetDouble() / evaluation.GetProperty("randomWalk").GetProperty("mase").GetDouble();
        output.WriteLine($"by the rule: {evaluation.GetProperty("decision").GetString()}; MASE ratio to the random walk {ratio:0.000}, " +
            $"{evaluation.GetProperty("intervalLevel")} interval coverage {evaluation.GetProperty("intervalCoverage")}");
        Assert.Equal(evaluation.GetProperty("activated").GetBoolean(), ruled.GetProperty("active").GetBoolean());
        Assert.False(evaluation.GetProperty("forced").GetBoolean());
        if (evaluation.GetProperty("activated").GetBoolean())
        {
            Assert.True(ratio <= 1.05, $"activated with a MASE {ratio:0.000} times the random walk's: {evaluation}");
        }

        Assert.InRange(evaluation.GetProperty("intervalCoverage").GetDouble(), 0, 1);
        Assert.True(evaluation.GetProperty("testWindows").GetInt32() > 0, evaluation.ToString());

        // Forced by the admin, so the rest does not depend on the score; it serves.
        var first = await TrainAsync(admin, seed: 12, force: true);
        var firstId = first.GetProperty("id").GetGuid();
        var served = await Poll.UntilAsync(async () =>
        {
            var (status, body) = await ForecastAsync(admin);
            var id = status == HttpStatusCode.OK ? body.GetProperty("data").GetProperty("meta").GetProperty("modelId").GetGuid() : Guid.Empty;
            return (id == firstId, body, $"{(int)status} {body}");
        }, TimeSpan.FromMinutes(1), "the forced model serving", TimeSpan.FromSeconds(1));
        var forecast = served.GetProperty("data");
        Assert.Equal(Horizon, forecast.GetProperty("forecast").GetArrayLength());
        Assert.All(forecast.GetProperty("forecast").EnumerateArray(), p =>
            Assert.True(p.GetProperty("lower").GetDouble() <= p.GetProperty("value").GetDouble() && p.GetProperty("value").GetDouble() <= p.GetProperty("upper").GetDouble(), p.ToString()));
        output.WriteLine($"served by {forecast.GetProperty("meta")}");

        // A second model activated while forecasts run: every request answers, first from one model, then the other.
        using var stop = new CancellationTokenSource();
        var seen = new HashSet<Guid>();
        var failures = new List<string>();
        var load = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var (status, body) = await ForecastAsync(admin);
                lock (seen)
                {
                    if (status == HttpStatusCode.OK)
                    {
                        seen.Add(body.GetProperty("data").GetProperty("meta").GetProperty("modelId").GetGuid());
                    }
                    else
                    {
                        failures.Add($"{(int)status} {body}");
                    }
                }
            }
        });

        var secondId = (await TrainAsync(admin, seed: 13, force: true)).GetProperty("id").GetGuid();
        await Poll.UntilAsync(() =>
        {
            lock (seen)
            {
                return Task.FromResult((seen.Contains(secondId), true, $"seen {string.Join(", ", seen)}; failures {failures.Count}"));
            }
        }, TimeSpan.FromMinutes(1), "forecasts from the second model", TimeSpan.FromMilliseconds(200));
        await stop.CancelAsync();
        await load;
        Assert.Empty(failures);
        Assert.Equal(new HashSet<Guid> { firstId, secondId }, seen);
    }

    /// <summary>
    /// Starts a run on the last 120 days of hourly bars (a 4xx until the api has generated them) and waits for it;
    /// answers its model.
    /// </summary>
    private static async Task<JsonElement> TrainAsync(HttpClient admin, int seed, bool force)
    {
        var request = new
        {
            symbol = Symbol, interval = "1h", lookback = Lookback, horizon = Horizon, start = DateTimeOffset.UtcNow.AddDays(-120),
            stacks = 1, blocksPerStack = 2, layersPerBlock = 2, hiddenUnits = 32, maxEpochs = 5, batchSize = 128, seed, forceActivation = force,
        };
        var location = await Poll.UntilAsync(async () =>
        {
            using var response = await admin.PostAsJsonAsync(new Uri("/api/training/start", UriKind.Relative), request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode == HttpStatusCode.Accepted, response.Headers.Location?.OriginalString, $"{(int)response.StatusCode} {text}");
        }, HistoryTimeout, "training accepted (the generated history in place)", TimeSpan.FromSeconds(3));
        Assert.NotNull(location);

        var run = await Poll.UntilAsync(async () =>
        {
            using var response = await admin.GetAsync(new Uri(location, UriKind.Relative));
            var data = (await ApiJson.DataAsync(response, HttpStatusCode.OK)).Clone();
            return (data.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled", data, data.ToString());
        }, TrainingTimeout, $"{location} to end", TimeSpan.FromSeconds(1));
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        using var logs = await admin.GetAsync(new Uri($"{location}/logs", UriKind.Relative));
        Assert.True((await ApiJson.DataAsync(logs, HttpStatusCode.OK)).ToString().Contains("epoch", StringComparison.OrdinalIgnoreCase), "the run's logs name its epochs");
        return run.GetProperty("model").Clone();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ForecastAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/infer/forecast/nbeats", UriKind.Relative), new { symbol = Symbol, interval = "1h" });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
