namespace TradingPlatform.Forecasting.Gpu.Tests;

/// <summary>Shared requests and the raw CPU reference run, for tests that read paths rather than summaries.</summary>
internal static class Simulations
{
    public static MonteCarloSimulation Cpu(MonteCarloRequest request, int maxDegreeOfParallelism = -1)
    {
        using var cpu = new MonteCarloPathsCpu(maxDegreeOfParallelism);
        return cpu.Simulate(request, default);
    }

    public static MonteCarloResult Run(MonteCarloRequest request, int maxDegreeOfParallelism = -1)
    {
        using var engine = MonteCarloEngine.On(new MonteCarloPathsCpu(maxDegreeOfParallelism));
        return engine.Run(request);
    }

    /// <summary>log(S_H / S₀) for every path.</summary>
    public static double[] LogReturnsAtHorizon(MonteCarloSimulation simulation, double lastPrice) =>
        Enumerable.Range(0, simulation.Paths).Select(p => Math.Log(simulation.Price(p, simulation.Steps) / lastPrice)).ToArray();

    public static (double Mean, double Variance) MeanAndVariance(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return (mean, variance);
    }
}
