using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Tests.Support;

namespace TradingPlatform.Forecasting.Tests.NBeats;

/// <summary>The interpretable bases: the polynomial trend on tᵢ = i / n and the Fourier seasonality on the same grid.</summary>
public sealed class BasisTests
{
    [Fact]
    public void The_trend_basis_expands_theta_into_the_polynomial_on_i_over_n()
    {
        var basis = TrendBasis.Create(degree: 2, length: 5);
        var values = new double[5];
        basis.Expand([2, -3, 5], values); // 2 − 3t + 5t² at t = 0, 0.2, 0.4, 0.6, 0.8

        double[] expected = [2.0, 1.6, 1.6, 2.0, 2.8];
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(expected[i], values[i], 1e-14);
        }
    }

    [Fact]
    public void The_trend_basis_of_degree_p_spans_exactly_the_polynomials_of_degree_at_most_p()
    {
        const int degree = 3;
        const int length = 8;
        var basis = TrendBasis.Create(degree, length);

        // every monomial tᵍ, q ≤ p, is an expansion (θ a unit vector)...
        for (var q = 0; q <= degree; q++)
        {
            var theta = new double[degree + 1];
            theta[q] = 1;
            var values = new double[length];
            basis.Expand(theta, values);
            for (var i = 0; i < length; i++)
            {
                Assert.Equal(Math.Pow((double)i / length, q), values[i], 1e-15);
            }
        }

        // ...and every expansion has a zero (p + 1)-th difference on the even grid, which t^(p+1) has not (it is (p + 1)! hᵖ⁺¹)
        for (var seed = 0; seed < 5; seed++)
        {
            var values = new double[length];
            basis.Expand(SyntheticSeries.Uniform(degree + 1, -10, 10, seed), values);
            Assert.All(ForwardDifferences(values, degree + 1), difference => Assert.Equal(0, difference, 1e-10));
        }

        var nextPower = Enumerable.Range(0, length).Select(i => Math.Pow((double)i / length, degree + 1)).ToArray();
        Assert.All(ForwardDifferences(nextPower, degree + 1), difference => Assert.Equal(24.0 / 4096, difference, 1e-12));
    }

    [Fact]
    public void A_trend_block_with_a_hand_set_theta_forecasts_the_hand_computed_polynomial()
    {
        var network = new NBeatsNetwork(new NBeatsOptions
        {
            Lookback = 4, Horizon = 5, StackType = NBeatsStackType.Interpretable,
            TrendBlocks = 1, TrendLayers = 1, TrendHiddenUnits = 2, TrendDegree = 2,
            SeasonalityBlocks = 1, SeasonalityLayers = 1, SeasonalityHiddenUnits = 2,
        });
        // h = ReLU(0 · x + [1, 0]) = [1, 0], so θ is the first column of each head's weight
        Set(network, "trend.block0.fc0.weight", new double[8]);
        Set(network, "trend.block0.fc0.bias", [1, 0]);
        Set(network, "trend.block0.forecast_theta.weight", [2, 7, -3, 7, 5, 7]); // θᶠ = (2, −3, 5)
        Set(network, "trend.block0.backcast_theta.weight", [1, 7, 1, 7, 0, 7]);  // θᵇ = (1, 1, 0)
        Set(network, "seasonality.block0.forecast_theta.weight", new double[2 * 3]);
        Set(network, "seasonality.block0.backcast_theta.weight", new double[2 * 3]);

        var input = new double[] { 3, 3, 3, 3 };
        var forecast = new double[5];
        var workspace = network.CreateWorkspace();
        network.Forward(input, forecast, workspace);

        double[] expectedForecast = [2.0, 1.6, 1.6, 2.0, 2.8];      // 2 − 3t + 5t², t = i / 5
        double[] expectedResidual = [2.0, 1.75, 1.5, 1.25];          // 3 − (1 + t), t = i / 4
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(expectedForecast[i], forecast[i], 1e-14);
        }

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(expectedResidual[i], workspace.Residuals[^1][i], 1e-14);
        }
    }

    [Fact]
    public void The_seasonality_basis_holds_cosines_from_k_0_and_sines_from_k_1_on_i_over_n()
    {
        var basis = SeasonalityBasis.Create(harmonics: 1, length: 4); // t = 0, 1/4, 1/2, 3/4
        Assert.Equal(3, basis.ThetaSize);
        AssertRow([1, 1, 1, 1], basis.Row(0));   // cos 0
        AssertRow([1, 0, -1, 0], basis.Row(1));  // cos 2πt
        AssertRow([0, 1, 0, -1], basis.Row(2));  // sin 2πt

        var wider = SeasonalityBasis.Create(harmonics: 2, length: 8); // t = i / 8; rows cos0, cos1, cos2, sin1, sin2
        Assert.Equal(5, wider.ThetaSize);
        Assert.Equal(0, wider.Row(2)[3], 1e-15);                   // cos(2π · 2 · 3/8) = cos(3π/2)
        Assert.Equal(-1, wider.Row(2)[2], 1e-15);                  // cos(2π · 2 · 2/8) = cos(π)
        Assert.Equal(Math.Sqrt(0.5), wider.Row(3)[3], 1e-15);      // sin(2π · 3/8) = sin(3π/4)
        Assert.Equal(1, wider.Row(4)[1], 1e-15);                   // sin(2π · 2 · 1/8) = sin(π/2)

        var values = new double[8];
        wider.Expand([0.5, 0, 0, 0, 2], values);                   // 0.5 + 2 sin(4πt)
        Assert.Equal(2.5, values[1], 1e-14);
        Assert.Equal(-1.5, values[3], 1e-14);
    }

    [Theory]
    [InlineData(10, 4)]
    [InlineData(5, 1)]
    [InlineData(2, 1)]
    [InlineData(1, 1)]
    public void The_default_harmonics_are_half_the_horizon_less_one_and_at_least_one(int horizon, int harmonics) =>
        Assert.Equal(harmonics, new NBeatsOptions { Lookback = 4, Horizon = horizon }.EffectiveSeasonalityHarmonics);

    private static void Set(NBeatsNetwork network, string name, double[] values) =>
        network.Parameters.Single(parameter => parameter.Name == name).CopyFrom(values);

    private static void AssertRow(double[] expected, ReadOnlySpan<double> row)
    {
        Assert.Equal(expected.Length, row.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], row[i], 1e-15);
        }
    }

    private static double[] ForwardDifferences(double[] values, int order)
    {
        for (var o = 0; o < order; o++)
        {
            values = [.. values.Zip(values.Skip(1), (a, b) => b - a)];
        }

        return values;
    }
}
