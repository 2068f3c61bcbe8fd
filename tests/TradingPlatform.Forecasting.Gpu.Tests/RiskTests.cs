namespace TradingPlatform.Forecasting.Gpu.Tests;

/// <summary>VaR, expected shortfall and the barrier probabilities of geometric Brownian motion against their analytic values.</summary>
public sealed class RiskTests
{
    private const double Last = 100;
    private const int Paths = 20_000;

    [Fact]
    public void Value_at_risk_and_expected_shortfall_match_the_lognormal_within_four_standard_errors()
    {
        const double sigma = 0.02;
        const int steps = 10;
        var request = MonteCarloRequest.GeometricBrownianMotion(Last, 0, sigma, Paths, steps, seed: 21);
        var risk = Simulations.Run(request).Risk;
        var simulation = Simulations.Cpu(request);
        var returns = Enumerable.Range(0, Paths).Select(p => (simulation.Price(p, steps) / Last) - 1).Order().ToArray();
        var m = -sigma * sigma / 2 * steps;
        var s = sigma * Math.Sqrt(steps);

        foreach (var (level, z, valueAtRisk, shortfall) in new[] { (0.95, Normal.Z95, risk.ValueAtRisk95, risk.ExpectedShortfall95), (0.99, Normal.Z99, risk.ValueAtRisk99, risk.ExpectedShortfall99) })
        {
            // R = e^X − 1 with X ~ N(m, s²): VaR = 1 − e^(m − s·z), ES = 1 − e^(m + s²/2)·Φ(−z − s) / (1 − α).
            var expectedVar = 1 - Math.Exp(m - (s * z));
            var expectedEs = 1 - (Math.Exp(m + (s * s / 2)) * Normal.Cdf(-z - s) / (1 - level));
            var varError = Math.Exp(m - (s * z)) * s * Math.Sqrt(level * (1 - level) / Paths) / Normal.Density(z);
            // ES's estimator: √((Var(L | tail) + α(ES − VaR)²) / (N(1 − α))), the tail variance from the sample.
            var tail = returns.Take((int)Math.Ceiling(Paths * (1 - level))).Select(r => -r).ToArray();
            var (_, tailVariance) = Simulations.MeanAndVariance(tail);
            var esError = Math.Sqrt((tailVariance + (level * (expectedEs - expectedVar) * (expectedEs - expectedVar))) / (Paths * (1 - level)));

            Assert.InRange(valueAtRisk, expectedVar - (4 * varError), expectedVar + (4 * varError));
            Assert.InRange(shortfall, expectedEs - (4 * esError), expectedEs + (4 * esError));
            Assert.True(shortfall >= valueAtRisk);
        }
    }

    /// <summary>
    /// The probability of touching a level before the horizon against the reflection principle for Brownian motion
    /// with drift ν = μ − σ²/2: P(max X ≥ b) = Φ((−b + νT)/(σ√T)) + e^(2νb/σ²)·Φ((−b − νT)/(σ√T)). Monitoring at 400
    /// steps only misses crossings between them, so the simulation lies below that continuous value; Broadie,
    /// Glasserman and Kou (1997) correct for it by moving the barrier out by 0.5826·σ per step, and the simulation
    /// must match the corrected value within 4 standard errors plus 0.005 (the correction's own o(1/√steps) error).
    /// </summary>
    [Fact]
    public void Touch_probabilities_match_the_reflection_principle_with_the_discrete_monitoring_correction()
    {
        const double sigma = 0.01;
        const int steps = 400;
        var request = MonteCarloRequest.GeometricBrownianMotion(Last, 0, sigma, Paths, steps, seed: 31) with { StopLoss = 90, TakeProfit = 110 };
        var barriers = Simulations.Run(request).Barriers!;
        var nu = -sigma * sigma / 2;
        const double shift = 0.5826 * sigma;

        var up = Math.Log(110 / Last);
        var down = -Math.Log(90 / Last);
        var error = 4 * Math.Sqrt(0.25 / Paths);
        Assert.InRange(barriers.ProbabilityTouchTakeProfit, TouchAbove(up + shift, nu, sigma, steps) - error - 0.005, TouchAbove(up + shift, nu, sigma, steps) + error + 0.005);
        Assert.InRange(barriers.ProbabilityTouchStopLoss, TouchAbove(down + shift, -nu, sigma, steps) - error - 0.005, TouchAbove(down + shift, -nu, sigma, steps) + error + 0.005);
        Assert.True(barriers.ProbabilityTouchTakeProfit < TouchAbove(up, nu, sigma, steps));
        Assert.True(barriers.ProbabilityTouchStopLoss < TouchAbove(down, -nu, sigma, steps));
        Assert.InRange(barriers.ProbabilityStopLossFirst, 0, barriers.ProbabilityTouchStopLoss);
        Assert.InRange(barriers.ProbabilityTakeProfitFirst, 0, barriers.ProbabilityTouchTakeProfit);
        Assert.True(barriers.ProbabilityStopLossFirst + barriers.ProbabilityTakeProfitFirst <= 1);
    }

    [Fact]
    public void Touch_steps_are_the_first_steps_at_or_beyond_each_level()
    {
        var request = MonteCarloRequest.GeometricBrownianMotion(Last, 0, 0.03, paths: 200, steps: 15, seed: 41) with { StopLoss = 95, TakeProfit = 104 };
        var simulation = Simulations.Cpu(request);

        for (var path = 0; path < request.Paths; path++)
        {
            var prices = Enumerable.Range(1, request.Steps).Select(h => simulation.Price(path, h)).ToArray();
            Assert.Equal(Array.FindIndex(prices, p => p <= 95) + 1, simulation.StopLossSteps[path]);
            Assert.Equal(Array.FindIndex(prices, p => p >= 104) + 1, simulation.TakeProfitSteps[path]);
        }

        var barriers = Simulations.Run(request).Barriers!;
        var neither = Enumerable.Range(0, request.Paths).Count(p => simulation.StopLossSteps[p] == 0 && simulation.TakeProfitSteps[p] == 0) / (double)request.Paths;
        Assert.Equal(1.0, barriers.ProbabilityStopLossFirst + barriers.ProbabilityTakeProfitFirst + neither, 12);
        Assert.Null(Simulations.Run(request with { StopLoss = null, TakeProfit = null }).Barriers);
    }

    private static double TouchAbove(double barrier, double nu, double sigma, int steps)
    {
        var scale = sigma * Math.Sqrt(steps);
        return Normal.Cdf((-barrier + (nu * steps)) / scale) + (Math.Exp(2 * nu * barrier / (sigma * sigma)) * Normal.Cdf((-barrier - (nu * steps)) / scale));
    }
}
