using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Forecasting;
using TradingPlatform.AiService.Forecasting.Predictions;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.Predictions;

/// <summary>
/// Two AiService replicas scoring the same database at once score every due prediction exactly once (their counts add
/// up to the number of predictions, never more), and a later pass finds nothing left; the scorer's options are checked
/// at start.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class PredictionScorerReplicaTests(InfrastructureFixture infrastructure)
{
    private ServiceFactory<Program> Replica(params (string Key, string Value)[] settings) =>
        new(infrastructure.Configuration.Concat(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))));

    [Fact]
    public async Task Two_replicas_scoring_at_once_score_each_due_prediction_once()
    {
        // Their own timers held off; small batches, so that the two passes interleave over many transactions.
        (string, string)[] settings = [("Forecasting:Predictions:ScoreInterval", "1.00:00:00"), ("Forecasting:Predictions:ScoreBatchSize", "7")];
        await using var first = Replica(settings);
        await using var second = Replica(settings);
        foreach (var replica in new[] { first, second })
        {
            await replica.Services.GetRequiredService<SchemaStatus<AiDbContext>>().Completion.WaitAsync(TimeSpan.FromMinutes(1));
        }

        var (scorerA, scorerB) = (first.Services.GetRequiredService<PredictionScorer>(), second.Services.GetRequiredService<PredictionScorer>());
        // Other tests' leftovers first, so that the counts below are this test's predictions only.
        await scorerA.ScoreDueAsync(CancellationToken.None);

        var symbol = PredictionData.NewSymbol("RP");
        var anchor = new DateTimeOffset(DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero).AddHours(-2);
        await PredictionData.AddCandlesAsync(infrastructure, symbol, (anchor, 20m), (anchor.AddMinutes(1), 21m), (anchor.AddMinutes(2), 22m));
        var predictions = Enumerable.Range(0, 60)
            .Select(i => PredictionData.Make("replica-test", symbol, $"nbeats-{symbol}-1m", anchor.AddSeconds(i % 50), anchor, 20,
                [new ForecastPoint(1, 21, 20, 22), new ForecastPoint(2, 22, 21, 23)]))
            .ToArray();
        await PredictionData.AddAsync(first.Services, predictions);

        var passes = await Task.WhenAll(Task.Run(() => scorerA.ScoreDueAsync(CancellationToken.None)), Task.Run(() => scorerB.ScoreDueAsync(CancellationToken.None)));

        Assert.Equal(60, passes.Sum(p => p.Scored));
        Assert.Equal(0, passes.Sum(p => p.Unscorable));
        foreach (var prediction in predictions)
        {
            var stored = await PredictionData.FindAsync(first.Services, prediction.Id);
            Assert.Equal((PredictionStatus.Scored, 0.0, 2), (stored.Status, stored.Mae!.Value, stored.PointsInside!.Value));
        }

        Assert.Equal((0, 0), await scorerB.ScoreDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_scoring_interval_out_of_range_stops_the_start()
    {
        await using var replica = Replica(("Forecasting:Predictions:ScoreInterval", "00:00:00"));
        var error = Assert.ThrowsAny<Exception>(() => replica.Services);
        Assert.Contains("ScoreInterval", error.ToString(), StringComparison.Ordinal);
    }
}
