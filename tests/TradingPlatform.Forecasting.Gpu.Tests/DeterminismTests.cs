namespace TradingPlatform.Forecasting.Gpu.Tests;

/// <summary>A path depends only on (seed, path index): the same seed repeats it, another seed changes it, and the thread count does not matter.</summary>
public sealed class DeterminismTests
{
    private static readonly MonteCarloRequest Gbm = MonteCarloRequest.GeometricBrownianMotion(100, 0.001, 0.02, paths: 3000, steps: 9, seed: 61) with { StopLoss = 97, TakeProfit = 103 };
    private static readonly MonteCarloRequest Bootstrap = MonteCarloRequest.ResidualBootstrap(100, [-0.02, -0.005, 0.01, 0.03], paths: 3000, steps: 9, seed: 62) with { StopLoss = 97, TakeProfit = 103 };

    public static TheoryData<string> Models => ["gbm", "bootstrap"];

    [Theory]
    [MemberData(nameof(Models))]
    public void The_same_seed_gives_the_same_paths_and_figures_and_another_seed_different_ones(string model)
    {
        var request = model == "gbm" ? Gbm : Bootstrap;

        var first = Simulations.Cpu(request);
        var again = Simulations.Cpu(request);
        var other = Simulations.Cpu(request with { Seed = request.Seed + 1 });

        Assert.Equal(first.Prices, again.Prices);
        Assert.Equal(first.StopLossSteps, again.StopLossSteps);
        Assert.NotEqual(first.Prices, other.Prices);
        var a = Simulations.Run(request);
        var b = Simulations.Run(request);
        Assert.Equal(a.Risk, b.Risk);
        Assert.Equal(a.Barriers, b.Barriers);
        Assert.Equal(a.Steps.Select(s => s.Quantiles.ToArray()), b.Steps.Select(s => s.Quantiles.ToArray()));
        Assert.NotEqual(a.Risk, Simulations.Run(request with { Seed = 1 }).Risk);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_cpu_engine_does_not_depend_on_the_degree_of_parallelism(string model)
    {
        var request = model == "gbm" ? Gbm : Bootstrap;

        var serial = Simulations.Cpu(request, maxDegreeOfParallelism: 1);
        foreach (var degree in new[] { 2, 3, -1 })
        {
            var parallel = Simulations.Cpu(request, degree);
            Assert.Equal(serial.Prices, parallel.Prices);
            Assert.Equal(serial.StopLossSteps, parallel.StopLossSteps);
            Assert.Equal(serial.TakeProfitSteps, parallel.TakeProfitSteps);
        }

        var one = Simulations.Run(request, maxDegreeOfParallelism: 1);
        var all = Simulations.Run(request);
        Assert.Equal(one.Risk, all.Risk);
        Assert.Equal(one.Barriers, all.Barriers);
        for (var h = 0; h < request.Steps; h++)
        {
            Assert.Equal(one.Steps[h].Quantiles, all.Steps[h].Quantiles);
            Assert.Equal(one.Steps[h].Mean, all.Steps[h].Mean);
        }
    }
}
