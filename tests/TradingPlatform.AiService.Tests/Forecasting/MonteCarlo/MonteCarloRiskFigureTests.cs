using TradingPlatform.AiService.Forecasting.MonteCarlo;
using TradingPlatform.Forecasting.Gpu;

namespace TradingPlatform.AiService.Tests.Forecasting.MonteCarlo;

/// <summary>
/// The forecaster's risk figures against closed forms. With a flat forecast at S₀ and σ per step, a path's log return
/// over H steps is the sum of H draws of σz − σ²/2 (z on the stratified normal grid), so R = S_H / S₀ − 1 = e^X − 1 with
/// X ≈ N(m, s²), m = −Hσ²/2, s = σ√H: geometric Brownian motion with zero drift, whose VaR and ES are lognormal.
/// </summary>
public sealed class MonteCarloRiskFigureTests : IDisposable
{
    private const double Last = 250;
    private const double Sigma = 0.015;
    private const int Horizon = 10;
    private const int Paths = 200_000;

    private readonly MonteCarloEngine _engine = MonteCarloEngine.Create(preferGpu: false);

    public void Dispose() => _engine.Dispose();

    private ForecastMonteCarlo Run(ulong seed, IReadOnlyList<double>? levels = null) =>
        new MonteCarloForecaster(_engine).Simulate(Last, Enumerable.Repeat(Last, Horizon).ToArray(), Sigma, 0.8, new ForecastMonteCarloRequest(Paths, seed, levels, null, null));

    [Fact]
    public void Value_at_risk_expected_shortfall_and_the_probability_of_a_rise_match_the_lognormal_within_monte_carlo_error()
    {
        var result = Run(seed: 17, levels: [0.05]);
        var m = -Sigma * Sigma / 2 * Horizon;
        var s = Sigma * Math.Sqrt(Horizon);

        foreach (var (level, z, valueAtRisk, shortfall) in new[]
                 {
                     (0.95, 1.6448536269514722, result.Risk.ValueAtRisk95, result.Risk.ExpectedShortfall95),
                     (0.99, 2.3263478740408408, result.Risk.ValueAtRisk99, result.Risk.ExpectedShortfall99),
                 })
        {
            // VaR = 1 − e^(m − s·z); ES = 1 − e^(m + s²/2)·Φ(−z − s) / (1 − α).
            var expectedVar = 1 - Math.Exp(m - (s * z));
            var expectedEs = 1 - (Math.Exp(m + (s * s / 2)) * Phi(-z - s) / (1 - level));
            // The quantile estimator's standard error √(α(1 − α)/N) / f(q), f the density of R at the quantile.
            var varError = Math.Exp(m - (s * z)) * s * Math.Sqrt(level * (1 - level) / Paths) / Density(z);
            // ES's: √((Var(L | tail) + α(ES − VaR)²) / (N(1 − α))), bounding the tail's variance by R's whole variance (≈ s²).
            var esError = Math.Sqrt(((s * s) + (level * Math.Pow(expectedEs - expectedVar, 2))) / (Paths * (1 - level)));
            Assert.InRange(valueAtRisk, expectedVar - (4 * varError), expectedVar + (4 * varError));
            Assert.InRange(shortfall, expectedEs - (4 * esError), expectedEs + (4 * esError));
        }

        // P(S_H > S₀) = P(X > 0) = Φ(m / s) = Φ(−s / 2).
        var up = Phi(m / s);
        var upError = 4 * Math.Sqrt(up * (1 - up) / Paths);
        Assert.InRange(result.ProbabilityUp, up - upError, up + upError);
        Assert.Equal(1 - result.ProbabilityUp, result.ProbabilityDown, 12);

        // The horizon's 5 % quantile is the price at the 95 % VaR: S₀ · e^(m − s·z₀.₉₅).
        var fivePercent = Last * Math.Exp(m - (s * 1.6448536269514722));
        var quantile = result.Steps[^1].Quantiles[result.Levels.ToList().IndexOf(0.05)];
        Assert.InRange(quantile, fivePercent * 0.998, fivePercent * 1.002);
    }

    [Fact]
    public void The_same_seed_gives_the_same_answer_and_another_seed_another()
    {
        var first = Run(seed: 5, levels: [0.05]);
        var again = Run(seed: 5, levels: [0.05]);
        var other = Run(seed: 6, levels: [0.05]);

        Assert.Equal(first.Risk, again.Risk);
        Assert.Equal(first.ProbabilityUp, again.ProbabilityUp);
        Assert.Equal(first.Steps.SelectMany(s => s.Quantiles), again.Steps.SelectMany(s => s.Quantiles));
        Assert.NotEqual(first.Steps.SelectMany(s => s.Quantiles), other.Steps.SelectMany(s => s.Quantiles));
        Assert.NotEqual(first.Risk, other.Risk);
    }

    [Fact]
    public void The_levels_are_the_intervals_bounds_the_median_and_the_requested_ones_in_order()
    {
        Assert.Equal([0.05, 0.1, 0.5, 0.9, 0.975], MonteCarloForecaster.Levels(0.8, [0.975, 0.05, 0.9]));
        Assert.Equal([0.025, 0.5, 0.975], MonteCarloForecaster.Levels(0.95, null));
    }

    [Fact]
    public void Volatility_from_a_random_walks_half_widths_is_its_sigma()
    {
        // A random walk's calibrated half-widths at 80 % are z₀.₉ · σ · √h.
        var widths = Enumerable.Range(1, 12).Select(h => 1.2815515655446004 * 0.02 * Math.Sqrt(h)).ToArray();
        Assert.Equal(0.02, MonteCarloVolatility.FromHalfWidths(widths, 0.8), 9);
        // Widths growing faster than √h read as a larger σ: 0.02 · √(Σ h² / Σ h) at h = 1 … 12 is 0.02 · √(650 / 78).
        var linear = Enumerable.Range(1, 12).Select(h => 1.2815515655446004 * 0.02 * h).ToArray();
        Assert.Equal(0.02 * Math.Sqrt(650.0 / 78), MonteCarloVolatility.FromHalfWidths(linear, 0.8), 9);
    }

    [Theory]
    [InlineData(999, null, null, null, "monteCarlo.paths")]
    [InlineData(1_000_001, null, null, null, "monteCarlo.paths")]
    [InlineData(null, 0.0, null, null, "monteCarlo.levels")]
    [InlineData(null, 1.0, null, null, "monteCarlo.levels")]
    [InlineData(null, double.NaN, null, null, "monteCarlo.levels")]
    [InlineData(null, null, 250.0, null, "monteCarlo.stopLoss")]
    [InlineData(null, null, double.NaN, null, "monteCarlo.stopLoss")]
    [InlineData(null, null, null, 249.0, "monteCarlo.takeProfit")]
    [InlineData(null, null, null, double.PositiveInfinity, "monteCarlo.takeProfit")]
    public void Bad_requests_name_their_field_with_a_400(int? paths, double? level, double? stopLoss, double? takeProfit, string field)
    {
        var problem = MonteCarloForecaster.Check(new ForecastMonteCarloRequest(paths, null, level is { } l ? [l] : null, stopLoss, takeProfit), Last, Horizon);

        Assert.NotNull(problem);
        Assert.Equal((400, field), (problem.Status, problem.Field));
    }

    [Fact]
    public void Good_requests_pass_the_checks_and_paths_times_horizon_is_bounded()
    {
        Assert.Null(MonteCarloForecaster.Check(new ForecastMonteCarloRequest(1_000, 1, [0.01, 0.99], 249.99, 250.01), Last, Horizon));
        Assert.Null(MonteCarloForecaster.Check(new ForecastMonteCarloRequest(1_000_000, null, null, null, null), Last, 64));
        Assert.Equal("monteCarlo.paths", MonteCarloForecaster.Check(new ForecastMonteCarloRequest(1_000_000, null, null, null, null), Last, 68)?.Field);
    }

    private static double Density(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);

    private static double Phi(double x) => MathNet.Numerics.Distributions.Normal.CDF(0, 1, x);
}
