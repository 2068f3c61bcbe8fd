using TradingPlatform.Forecasting.Evaluation;

namespace TradingPlatform.Forecasting.Tests.Evaluation;

/// <summary>The live score of predictions against what happened.</summary>
public sealed class RunningScoreTests
{
    [Fact]
    public void The_running_metrics_match_a_hand_computation()
    {
        // (10, 12) in [9, 11]: |e| 2, sMAPE term 200 · 2 / 22, outside. (5, 4) in [3, 6]: |e| 1, term 200 / 9, inside.
        // (0, 0), no interval: |e| 0, term 0. MAE 3 / 3 = 1; sMAPE (18.1818 + 22.2222 + 0) / 3 = 13.468013;
        // MASE 1 / 0.5 = 2; coverage 1 of 2.
        var score = new RunningScore(maseScale: 0.5);
        score.Add(10, 12, new ForecastInterval(9, 11));
        score.Add(5, 4, new ForecastInterval(3, 6));
        score.Add(0, 0);

        var snapshot = score.Snapshot();

        Assert.Equal(3, snapshot.Count);
        Assert.Equal(1.0, snapshot.Mae!.Value, 1e-12);
        Assert.Equal(13.468013468013467, snapshot.SMape!.Value, 1e-12);
        Assert.Equal(2.0, snapshot.Mase!.Value, 1e-12);
        Assert.Equal(2, snapshot.IntervalCount);
        Assert.Equal(0.5, snapshot.Coverage);
    }

    [Fact]
    public void Before_the_first_pair_there_is_nothing_to_report()
    {
        var snapshot = new RunningScore(1).Snapshot();

        Assert.Equal(new RunningScoreSnapshot(0, null, null, null, 0, null), snapshot);
    }

    [Fact]
    public void Pairs_added_from_many_threads_are_all_counted()
    {
        // Forecast i mod 7 against actual 0, interval forecast ± 1: |e| = i mod 7 (whole numbers, so the sum is exact in
        // any order), inside when i mod 7 ≤ 1.
        var score = new RunningScore(1);
        Parallel.For(0, 20_000, i => score.Add(i % 7, 0, new ForecastInterval((i % 7) - 1, (i % 7) + 1)));

        var snapshot = score.Snapshot();
        var errors = Enumerable.Range(0, 20_000).Select(i => i % 7).ToArray();

        Assert.Equal(20_000, snapshot.Count);
        Assert.Equal(errors.Sum() / 20_000.0, snapshot.Mae);
        Assert.Equal(errors.Count(e => e <= 1) / 20_000.0, snapshot.Coverage);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Equal("maseScale", Assert.Throws<ArgumentOutOfRangeException>(() => new RunningScore(0)).ParamName);
        var score = new RunningScore(1);
        Assert.Equal("actual", Assert.Throws<ArgumentException>(() => score.Add(1, double.NaN)).ParamName);
        Assert.Contains("is not an interval", Assert.Throws<ArgumentException>(() => score.Add(1, 1, new ForecastInterval(2, 1))).Message, StringComparison.Ordinal);
        Assert.Equal(0, score.Snapshot().Count);
    }
}
