using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Tests.Support;

namespace TradingPlatform.Forecasting.Tests.NBeats;

/// <summary>
/// Every parameter's analytic gradient against the central difference (loss(θ + ε) − loss(θ − ε)) / 2ε, for tiny
/// networks, all parameters, relative error max(|a|, |b|, 1e-8) below 1e-5.
/// </summary>
public sealed class GradientCheckTests
{
    private const double Epsilon = 1e-6;
    private const double Tolerance = 1e-5;

    [Fact]
    public void Generic_network_gradients_match_finite_differences() =>
        AssertGradientsMatch(new NBeatsNetwork(new NBeatsOptions
        {
            Lookback = 4, Horizon = 3, Stacks = 2, BlocksPerStack = 2, LayersPerBlock = 2, HiddenUnits = 5, Seed = 11,
        }), NBeatsLoss.MeanSquaredError);

    [Fact]
    public void Interpretable_network_gradients_match_finite_differences() =>
        AssertGradientsMatch(new NBeatsNetwork(new NBeatsOptions
        {
            Lookback = 6, Horizon = 4, StackType = NBeatsStackType.Interpretable,
            TrendBlocks = 2, TrendLayers = 2, TrendHiddenUnits = 4, TrendDegree = 2,
            SeasonalityBlocks = 2, SeasonalityLayers = 2, SeasonalityHiddenUnits = 4, SeasonalityHarmonics = 2, Seed = 12,
        }), NBeatsLoss.MeanSquaredError);

    [Fact]
    public void Shared_weights_sum_the_gradients_of_every_application() =>
        AssertGradientsMatch(new NBeatsNetwork(new NBeatsOptions
        {
            Lookback = 6, Horizon = 4, StackType = NBeatsStackType.Interpretable, ShareWeightsInStack = true,
            TrendBlocks = 3, TrendLayers = 2, TrendHiddenUnits = 4, TrendDegree = 3,
            SeasonalityBlocks = 2, SeasonalityLayers = 1, SeasonalityHiddenUnits = 4, Seed = 13,
        }), NBeatsLoss.MeanSquaredError);

    [Fact]
    public void Mean_absolute_error_gradients_match_finite_differences() =>
        AssertGradientsMatch(new NBeatsNetwork(new NBeatsOptions
        {
            Lookback = 4, Horizon = 2, Stacks = 2, BlocksPerStack = 1, LayersPerBlock = 3, HiddenUnits = 4, Seed = 14,
        }), NBeatsLoss.MeanAbsoluteError);

    private static void AssertGradientsMatch(NBeatsNetwork network, NBeatsLoss loss)
    {
        const int batch = 6; // several samples, inputs of both signs: fewer units that are off for the whole batch
        var inputs = SyntheticSeries.Uniform(batch * network.Lookback, -1, 2, seed: 1);
        var targets = SyntheticSeries.Uniform(batch * network.Horizon, -1, 2, seed: 2);
        var workspace = network.CreateWorkspace();
        network.ComputeLossAndGradients(inputs, targets, loss, workspace);

        var failures = new List<string>();
        var checkedCount = 0;
        var nonZero = 0;
        foreach (var parameter in network.Parameters)
        {
            var analytic = (double[])parameter.Gradient.Clone();
            for (var i = 0; i < parameter.Length; i++)
            {
                var original = parameter.Data[i];
                parameter.Data[i] = original + Epsilon;
                var plus = network.ComputeLoss(inputs, targets, loss, workspace);
                parameter.Data[i] = original - Epsilon;
                var minus = network.ComputeLoss(inputs, targets, loss, workspace);
                parameter.Data[i] = original;

                var numeric = (plus - minus) / (2 * Epsilon);
                var error = Math.Abs(analytic[i] - numeric) / Math.Max(Math.Max(Math.Abs(analytic[i]), Math.Abs(numeric)), 1e-8);
                if (error >= Tolerance)
                {
                    failures.Add($"{parameter.Name}[{i}]: analytic {analytic[i]:R}, numeric {numeric:R}, relative error {error:E2}");
                }

                checkedCount++;
                nonZero += analytic[i] != 0 ? 1 : 0;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(network.Parameters.Sum(parameter => parameter.Length), checkedCount);
        Assert.True(nonZero > checkedCount / 2, $"only {nonZero} of {checkedCount} gradients are non-zero: the check would prove little");
    }
}
