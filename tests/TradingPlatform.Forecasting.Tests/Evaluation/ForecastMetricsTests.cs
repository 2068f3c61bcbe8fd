using TradingPlatform.Forecasting.Evaluation;

namespace TradingPlatform.Forecasting.Tests.Evaluation;

/// <summary>sMAPE, MASE, MAE and RMSE against hand-computed values.</summary>
public sealed class ForecastMetricsTests
{
    // Window A: history 10, 12, 11, 13 (one-step changes 2, 1, 2: scale 5/3); actual 14, 12; forecast 13, 13.
    //   errors 1, −1: MAE 1; MASE 1 / (5/3) = 0.6; sMAPE 200/2 · (1/27 + 1/25) = 7.703704.
    // Window B: history 20, 20, 22 (changes 0, 2: scale 1); actual 21, 25; forecast 22, 22.
    //   errors −1, 3: MAE 2; MASE 2; sMAPE 200/2 · (1/43 + 3/47) = 8.708560.
    private static readonly EvaluationWindow[] Windows =
    [
        EvaluationData.Window([10, 12, 11, 13], [14, 12]),
        EvaluationData.Window([20, 20, 22], [21, 25]),
    ];

    private static readonly double[][] Forecasts = [[13, 13], [22, 22]];

    [Fact]
    public void Each_metric_is_the_mean_of_the_per_window_values_except_rmse_which_is_pooled()
    {
        var metrics = ForecastMetrics.Compute(Windows, Forecasts);

        Assert.Equal((7.703703703703704 + 8.708560118753091) / 2, metrics.SMape, 1e-12);   // 8.206132
        Assert.Equal((0.6 + 2) / 2, metrics.Mase, 1e-12);                                   // 1.3
        Assert.Equal((1 + 2) / 2.0, metrics.Mae, 1e-12);                                    // 1.5
        Assert.Equal(Math.Sqrt((1 + 1 + 1 + 9) / 4.0), metrics.Rmse, 1e-12);                // √3, not (1 + √5) / 2
        Assert.Equal(2, metrics.WindowCount);
        Assert.Equal(1, metrics.MaseSeason);
    }

    [Fact]
    public void A_step_where_both_actual_and_forecast_are_0_adds_0_to_smape()
    {
        // Steps: (0, 0) → 0 by definition; (2, 1) → 200 · 1 / 3. sMAPE = (0 + 66.667) / 2 = 33.333.
        var window = EvaluationData.Window([1, 2], [0, 2]);

        var metrics = ForecastMetrics.Compute([window], [new double[] { 0, 1 }]);

        Assert.Equal(200.0 / 3 / 2, metrics.SMape, 1e-12);
    }

    [Fact]
    public void Mase_is_exactly_1_for_the_random_walk_when_its_errors_equal_the_in_sample_scale()
    {
        // History 10, 11, 10, 11 moves by 1 each step: scale 1. The random walk forecasts 11, 11 for actual 12, 10:
        // errors 1 and 1, MAE 1, MASE 1 / 1.
        var window = EvaluationData.Window([10, 11, 10, 11], [12, 10]);

        var metrics = ForecastMetrics.Compute([window], [Baselines.RandomWalk(window)]);

        Assert.Equal(1.0, metrics.Mase);
    }

    [Fact]
    public void The_scale_of_season_m_compares_values_m_apart()
    {
        // x = 1, 3, 2, 6, 4 with m = 2: |2 − 1| + |6 − 3| + |4 − 2| = 6 over n − m = 3 → 2.
        Assert.Equal(2.0, ForecastMetrics.MaseScale([1, 3, 2, 6, 4], season: 2));
        // m = 1: |2| + |−1| + |4| + |−2| = 9 over 4.
        Assert.Equal(9 / 4.0, ForecastMetrics.MaseScale([1, 3, 2, 6, 4]));
    }

    [Fact]
    public void Mase_of_season_2_uses_that_scale()
    {
        // Scale 2 (as above); actual 5, forecast 4: MAE 1, MASE 0.5.
        var metrics = ForecastMetrics.Compute([EvaluationData.Window([1, 3, 2, 6, 4], [5])], [new double[] { 4 }], season: 2);

        Assert.Equal(0.5, metrics.Mase, 1e-12);
        Assert.Equal(2, metrics.MaseSeason);
    }

    [Fact]
    public void A_history_without_change_leaves_mase_undefined_and_is_refused()
    {
        var window = EvaluationData.Window([5, 5, 5], [6]);

        var error = Assert.Throws<ArgumentException>(() => ForecastMetrics.Compute([window], [new double[] { 5 }]));

        Assert.Contains("Window 0's history does not change over season 1, so MASE's scale", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_too_short_for_the_season_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ForecastMetrics.Compute([EvaluationData.Window([1, 2, 3], [4])], [new double[] { 3 }], season: 3));

        Assert.Contains("Window 0's history has 3 values; MASE with season 3 needs at least 4.", error.Message, StringComparison.Ordinal);
    }
}
