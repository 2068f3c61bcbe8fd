namespace TradingPlatform.Forecasting.Gpu.Tests;

/// <summary>
/// The CPU engine's geometric Brownian motion against its analytic law: log(S_h / S₀) ~ N((μ − σ²/2)h, σ²h). With
/// N = 20,000 paths every check allows 4 standard errors of its estimator (a false failure about once in 16,000 runs,
/// and the seed is fixed).
/// </summary>
public sealed class GeometricBrownianMotionTests
{
    private const double Last = 100;
    private const double Mu = 0.0005;
    private const double Sigma = 0.02;
    private const int Paths = 20_000;
    private const int Steps = 20;

    private static readonly MonteCarloRequest Request = MonteCarloRequest.GeometricBrownianMotion(Last, Mu, Sigma, Paths, Steps, seed: 11);

    [Fact]
    public void Log_return_at_the_horizon_has_mean_mu_minus_half_sigma_squared_times_h_and_variance_sigma_squared_times_h()
    {
        var (mean, variance) = Simulations.MeanAndVariance(Simulations.LogReturnsAtHorizon(Simulations.Cpu(Request), Last));
        var expectedMean = (Mu - (Sigma * Sigma / 2)) * Steps;
        var expectedVariance = Sigma * Sigma * Steps;

        Assert.InRange(mean, expectedMean - (4 * Math.Sqrt(expectedVariance / Paths)), expectedMean + (4 * Math.Sqrt(expectedVariance / Paths)));
        // The sample variance of normals has standard error σ²·√(2 / (N − 1)).
        var varianceError = expectedVariance * Math.Sqrt(2.0 / (Paths - 1));
        Assert.InRange(variance, expectedVariance - (4 * varianceError), expectedVariance + (4 * varianceError));
    }

    [Fact]
    public void Quantiles_at_the_horizon_match_the_lognormal_within_four_standard_errors()
    {
        var result = Simulations.Run(Request);
        var m = (Mu - (Sigma * Sigma / 2)) * Steps;
        var s = Sigma * Math.Sqrt(Steps);
        double[] z = [-Normal.Z90, 0, Normal.Z90];

        Assert.Equal([0.1, 0.5, 0.9], result.QuantileLevels);
        for (var i = 0; i < 3; i++)
        {
            var p = result.QuantileLevels[i];
            var expected = Last * Math.Exp(m + (s * z[i]));
            // A sample p-quantile's standard error is √(p(1 − p) / N) / f(q); in log space f is the N(m, s²) density.
            var logError = Math.Sqrt(p * (1 - p) / Paths) * s / Normal.Density(z[i]);
            Assert.InRange(Math.Log(result.Steps[Steps - 1].Quantiles[i] / expected), -4 * logError, 4 * logError);
        }

        var interval = result.Interval(Steps, 0.1, 0.9);
        Assert.Equal(result.Steps[Steps - 1].Quantiles[0], interval.Lower);
        Assert.Equal(result.Steps[Steps - 1].Quantiles[2], interval.Upper);
        Assert.Throws<ArgumentException>(() => result.Interval(Steps, 0.05, 0.9));
    }

    [Fact]
    public void Mean_price_and_probability_above_the_last_price_match_at_every_step()
    {
        var result = Simulations.Run(Request);

        foreach (var step in result.Steps)
        {
            var h = step.Step;
            var expectedMean = Last * Math.Exp(Mu * h);
            var meanError = expectedMean * Math.Sqrt(Math.Exp(Sigma * Sigma * h) - 1) / Math.Sqrt(Paths);
            Assert.InRange(step.Mean, expectedMean - (4 * meanError), expectedMean + (4 * meanError));
            var above = Normal.Cdf((Mu - (Sigma * Sigma / 2)) * h / (Sigma * Math.Sqrt(h)));
            var aboveError = Math.Sqrt(above * (1 - above) / Paths);
            Assert.InRange(step.ProbabilityAbove, above - (4 * aboveError), above + (4 * aboveError));
        }
    }

    [Fact]
    public void Zero_volatility_is_the_deterministic_growth_path()
    {
        var result = Simulations.Run(MonteCarloRequest.GeometricBrownianMotion(Last, 0.01, 0, paths: 10, steps: 5, seed: 1));

        foreach (var step in result.Steps)
        {
            Assert.All(step.Quantiles, q => Assert.Equal(Last * Math.Exp(0.01 * step.Step), q, 1e-10));
            Assert.Equal(1.0, step.ProbabilityAbove);
        }
    }
}
