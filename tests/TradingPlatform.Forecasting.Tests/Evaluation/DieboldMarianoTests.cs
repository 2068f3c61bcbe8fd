using TradingPlatform.Forecasting.Evaluation;

namespace TradingPlatform.Forecasting.Tests.Evaluation;

/// <summary>The Diebold–Mariano test with the HLN correction.</summary>
public sealed class DieboldMarianoTests
{
    [Fact]
    public void The_statistic_matches_a_hand_computation_at_horizon_2()
    {
        // Squared loss: d = 1 − 0.25, 4 − 1, 9 − 1, 0.25 − 1, 1 − 0.25 = 0.75, 3, 8, −0.75, 0.75; d̄ = 2.35.
        // Deviations −1.6, 0.65, 5.65, −3.1, −1.6: γ₀ = 47.075 / 5 = 9.415, γ₁ = −9.9225 / 5 = −1.9845.
        // V = (9.415 − 2 · 1.9845) / 5 = 1.0892; DM = 2.35 / √1.0892 = 2.251718;
        // HLN: √((5 + 1 − 4 + 2/5) / 5) = √0.48; DM* = 1.560036. p from t with 4 degrees of freedom (closed form): 0.193766.
        var result = DieboldMariano.Compare([1, -2, 3, 0.5, -1], [0.5, -1, 1, 1, -0.5], horizon: 2);

        Assert.Equal(1.5600361587944798, result.Statistic, 1e-12);
        Assert.Equal(0.1937662652665968, result.PValue, 1e-12);
        Assert.Equal(2.35, result.MeanLossDifferential, 1e-12);
        Assert.Equal(1, result.AutocovarianceLags);
        Assert.Equal(5, result.Count);
    }

    [Fact]
    public void Identical_forecasts_give_statistic_0_and_p_value_1()
    {
        var random = new Random(3);
        var errors = Enumerable.Range(0, 100).Select(_ => EvaluationData.Gaussian(random)).ToArray();

        var result = DieboldMariano.Compare(errors, errors, horizon: 5);

        Assert.Equal(0, result.Statistic);
        Assert.Equal(1, result.PValue);
        Assert.Equal(5, result.Horizon);
    }

    [Fact]
    public void A_clearly_better_model_is_significant_with_a_negative_statistic_and_a_worse_one_with_a_positive()
    {
        // Model errors N(0, 1), reference errors N(0, 2²): the squared loss differential has mean about 1 − 4 = −3.
        var random = new Random(11);
        var model = Enumerable.Range(0, 200).Select(_ => EvaluationData.Gaussian(random)).ToArray();
        var reference = Enumerable.Range(0, 200).Select(_ => 2 * EvaluationData.Gaussian(random)).ToArray();

        var better = DieboldMariano.Compare(model, reference, horizon: 3);
        var worse = DieboldMariano.Compare(reference, model, horizon: 3, DieboldMarianoLoss.AbsoluteError);

        Assert.True(better.Statistic < 0, $"The statistic was {better.Statistic}.");
        Assert.True(better.PValue < 0.01, $"p was {better.PValue}.");
        Assert.False(better.ModelSignificantlyWorse(0.05));
        Assert.True(worse.Statistic > 0, $"The statistic was {worse.Statistic}.");
        Assert.True(worse.PValue < 0.01, $"p was {worse.PValue}.");
        Assert.True(worse.ModelSignificantlyWorse(0.05));
    }

    [Fact]
    public void A_non_positive_long_run_variance_falls_back_to_horizon_1()
    {
        // Absolute loss: d = 2, 0, 2, 0, … (n = 8), d̄ = 1, deviations ±1: γ₀ = 1, γ₁ = −7/8, so γ₀ + 2γ₁ < 0 at h = 2.
        // At h = 1: V = 1/8, DM = 1 / √(1/8) = √8, HLN √(7/8): DM* = √7.
        var result = DieboldMariano.Compare([3, 1, 3, 1, 3, 1, 3, 1], [1, 1, 1, 1, 1, 1, 1, 1], horizon: 2, DieboldMarianoLoss.AbsoluteError);

        Assert.Equal(Math.Sqrt(7), result.Statistic, 1e-12);
        Assert.Equal(StudentT.TwoSidedPValue(Math.Sqrt(7), 7), result.PValue, 1e-15);
        Assert.Equal(1, result.Horizon);
        Assert.Equal(0, result.AutocovarianceLags);
    }

    [Fact]
    public void A_constant_non_zero_differential_is_infinitely_significant()
    {
        var result = DieboldMariano.Compare([2, 2, 2], [1, 1, 1], horizon: 1, DieboldMarianoLoss.AbsoluteError);

        Assert.Equal(double.PositiveInfinity, result.Statistic);
        Assert.Equal(0, result.PValue);
    }

    [Fact]
    public void At_a_step_the_errors_are_the_actual_minus_each_forecast()
    {
        // Step 1 (horizon 2) of three windows: actual 3, 5, 4; model 2, 5, 6 (errors 1, 0, −2); reference 3, 3, 3 (0, 2, 1).
        EvaluationWindow[] windows = [EvaluationData.Window([1], [0, 3]), EvaluationData.Window([1], [0, 5]), EvaluationData.Window([1], [0, 4])];
        double[][] model = [[0, 2], [0, 5], [0, 6]];
        double[][] reference = [[0, 3], [0, 3], [0, 3]];

        var atStep = DieboldMariano.CompareAtStep(windows, model, reference, step: 1);
        var direct = DieboldMariano.Compare([1, 0, -2], [0, 2, 1], horizon: 2);

        Assert.Equal(direct, atStep);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Contains("3 model errors and 2 reference errors", Assert.Throws<ArgumentException>(() => DieboldMariano.Compare([1, 2, 3], [1, 2], 1)).Message, StringComparison.Ordinal);
        Assert.Contains("needs more than 3", Assert.Throws<ArgumentException>(() => DieboldMariano.Compare([1, 2, 3], [1, 2, 4], 3)).Message, StringComparison.Ordinal);
        Assert.Contains("modelErrors[1] is NaN", Assert.Throws<ArgumentException>(() => DieboldMariano.Compare([1, double.NaN, 3], [1, 2, 4], 1)).Message, StringComparison.Ordinal);
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => DieboldMariano.CompareAtStep([EvaluationData.Window([1], [2])], [new double[] { 1 }], [new double[] { 1 }], 1)).ParamName);
    }
}
