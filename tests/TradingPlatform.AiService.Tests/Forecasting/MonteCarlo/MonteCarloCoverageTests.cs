using TradingPlatform.AiService.Forecasting.MonteCarlo;
using TradingPlatform.Forecasting.Gpu;

namespace TradingPlatform.AiService.Tests.Forecasting.MonteCarlo;

/// <summary>
/// The forecaster's Monte Carlo bands on a simulated random walk (geometric, log-steps N(μ − σ²/2, σ²)) whose law is
/// known: the 80 % band from the paths must cover close to 80 % of outcomes the paths never saw. Each of N = 4,000
/// out-of-sample outcomes is an independent walk, so the count covered is Binomial(N, 0.8) when the band is right:
/// standard error √(0.8 · 0.2 / N) = 0.0063, and the tolerance is 4 of them (0.025; a right band fails one step's check
/// with probability 6e-5). The band's own Monte Carlo error (100,000 paths: the 10 % and 90 % quantiles' levels are
/// off by about √(0.09 / 100,000) = 0.001) is far inside it.
/// </summary>
public sealed class MonteCarloCoverageTests : IDisposable
{
    private const double Last = 100;
    private const double Sigma = 0.01;
    private const double Mu = 0.0005;
    private const int Horizon = 10;
    private const int Trials = 4_000;
    private static readonly double Tolerance = 4 * Math.Sqrt(0.8 * 0.2 / Trials);

    private readonly MonteCarloEngine _engine = MonteCarloEngine.Create(preferGpu: false);

    public void Dispose() => _engine.Dispose();

    /// <summary>The point forecast of a walk with drift μ per step: its expectation S₀·e^(μh).</summary>
    private static double[] Forecast() => Enumerable.Range(1, Horizon).Select(h => Last * Math.Exp(Mu * h)).ToArray();

    /// <summary>One walk of <see cref="Horizon"/> steps from <see cref="Last"/> (Box–Muller on System.Random, independent of the engine's generator).</summary>
    private static double[] Walk(Random random, double sigma)
    {
        var prices = new double[Horizon];
        var log = 0.0;
        for (var h = 0; h < Horizon; h++)
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            log += Mu - (sigma * sigma / 2) + (sigma * z);
            prices[h] = Last * Math.Exp(log);
        }

        return prices;
    }

    private static double[] Coverage(ForecastMonteCarlo paths, int seed)
    {
        var lower = paths.Levels.ToList().IndexOf(0.1);
        var upper = paths.Levels.ToList().IndexOf(0.9);
        Assert.True(lower >= 0 && upper > lower);
        var random = new Random(seed);
        var covered = new int[Horizon];
        for (var trial = 0; trial < Trials; trial++)
        {
            var walk = Walk(random, Sigma);
            for (var h = 0; h < Horizon; h++)
            {
                var quantiles = paths.Steps[h].Quantiles;
                covered[h] += walk[h] >= quantiles[lower] && walk[h] <= quantiles[upper] ? 1 : 0;
            }
        }

        return covered.Select(c => (double)c / Trials).ToArray();
    }

    [Fact]
    public void The_80_percent_band_around_the_forecast_covers_80_percent_of_a_random_walk_with_known_volatility_out_of_sample()
    {
        var forecaster = new MonteCarloForecaster(_engine);
        var paths = forecaster.Simulate(Last, Forecast(), Sigma, 0.8, new ForecastMonteCarloRequest(100_000, 3, null, null, null));

        var coverage = Coverage(paths, seed: 11);

        for (var h = 0; h < Horizon; h++)
        {
            Assert.True(Math.Abs(coverage[h] - 0.8) <= Tolerance, $"step {h + 1}: coverage {coverage[h]:F4}, tolerance ±{Tolerance:F4}");
        }

        // The check can fail: a band from half the true volatility covers far less (about 47 % at 80 % nominal).
        var narrow = forecaster.Simulate(Last, Forecast(), Sigma / 2, 0.8, new ForecastMonteCarloRequest(100_000, 3, null, null, null));
        Assert.All(Coverage(narrow, seed: 11), c => Assert.True(c < 0.8 - Tolerance, $"coverage {c:F4}"));
    }

    /// <summary>
    /// The whole serving pipeline: the model's interval calibrated split-conformally on 20,000 calibration walks (the
    /// test's own code: qₕ = the ⌈(n + 1) · 0.8⌉-th smallest |yₕ − ŷₕ| / S₀), σ from those half-widths, then the paths.
    /// σ's estimate adds its own error: a relative error ε in σ moves the coverage by about 2 · 1.28 · φ(1.28) · ε = 0.45ε,
    /// and with 20,000 calibration walks the 80 % quantile's relative error is about 1 %, so 0.01 is added to the tolerance.
    /// </summary>
    [Fact]
    public void Bands_from_half_widths_calibrated_on_other_walks_cover_80_percent_out_of_sample()
    {
        const int calibration = 20_000;
        var forecast = Forecast();
        var random = new Random(5);
        var residuals = Enumerable.Range(0, Horizon).Select(_ => new double[calibration]).ToArray();
        for (var i = 0; i < calibration; i++)
        {
            var walk = Walk(random, Sigma);
            for (var h = 0; h < Horizon; h++)
            {
                residuals[h][i] = Math.Abs(walk[h] - forecast[h]) / Last;
            }
        }

        var rank = (int)Math.Ceiling((calibration + 1) * 0.8);
        var halfWidths = residuals.Select(r => r.Order().ElementAt(rank - 1)).ToArray();
        var paths = new MonteCarloForecaster(_engine).Simulate(Last, forecast, halfWidths, 0.8, new ForecastMonteCarloRequest(100_000, 9, null, null, null));

        Assert.InRange(paths.StepVolatility, Sigma * 0.97, Sigma * 1.03);
        var coverage = Coverage(paths, seed: 12);
        for (var h = 0; h < Horizon; h++)
        {
            Assert.True(Math.Abs(coverage[h] - 0.8) <= Tolerance + 0.01, $"step {h + 1}: coverage {coverage[h]:F4}, tolerance ±{Tolerance + 0.01:F4}");
        }
    }
}
