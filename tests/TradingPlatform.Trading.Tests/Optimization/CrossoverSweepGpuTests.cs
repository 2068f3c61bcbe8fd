using TradingPlatform.Trading.Gpu;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Optimization;
using TradingPlatform.Trading.Optimization.FastPath;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;
using static TradingPlatform.Trading.Tests.Optimization.OptimizationFixtures;

namespace TradingPlatform.Trading.Tests.Optimization;

/// <summary>
/// The GPU kernel on ILGPU's CPU accelerator (an emulator: small inputs only). It must equal the fast CPU path: the
/// same simulation on the same integers, so the same figures.
/// </summary>
public sealed class CrossoverSweepGpuTests(CpuEmulatorFixture emulator) : IClassFixture<CpuEmulatorFixture>
{
    [Theory]
    [InlineData("sma_crossover", 31)]
    [InlineData("ema_crossover", 32)]
    public void Kernel_on_the_cpu_accelerator_equals_the_fast_cpu_path(string algorithm, int seed)
    {
        var sweep = StrategyAlgorithms.Find(algorithm)!;
        var bars = Bars(Future, CandleInterval.OneHour, 200, seed, volatility: 0.01);
        var settings = Settings(sweep, Future, CandleInterval.OneHour, bars.Count, new RiskManagement(5m, 3m, 2m, 4m), leverage: 10);
        var request = Request(settings, bars, Grid(sweep, [2, 3], [5, 8], [0, 1]));
        var combinations = request.Grid.Expand().Combinations;
        Assert.True(CrossoverPlan.TryCreate(request, combinations, false, default, out var plan, out var reason), reason);

        var gpu = emulator.Sweep;
        var kernel = gpu.Run(plan!, null, default);
        var cpuBars = new ArrayCrossoverBars(plan!.Market, plan.Indicators);
        var cpuRuns = plan.Combinations.Select(c => CrossoverSimulation<ArrayCrossoverBars>.Run(cpuBars, plan.Constants, c)).ToArray();
        var cpu = CrossoverSweepCpu.Exact.Evaluate(request, combinations, null, default);
        var onGpu = gpu.Evaluate(request, combinations, null, default);

        Assert.Equal(8, kernel.Length);
        Assert.Contains(kernel, k => k.Trades > 0);
        for (var i = 0; i < combinations.Count; i++)
        {
            Assert.Equal(FastPathStatus.Exact, kernel[i].Status);
            // Bit for bit: the same integers, and the same double operations in the same order.
            Assert.Equal(cpuRuns[i], kernel[i]);
            Assert.Equal(SweepEvaluator.Gpu, onGpu[i].EvaluatedBy);
            MetricsAssert.Equal(cpu[i].Metrics, onGpu[i].Metrics, 1e-9, combinations[i].ToString());
        }
    }

    [Fact]
    public void Without_a_cuda_device_it_reports_no_gpu_and_never_falls_back_to_the_emulator()
    {
        using var gpu = CrossoverSweepGpu.TryCreate(out var reason);

        if (gpu is null)
        {
            Assert.StartsWith("no GPU", reason, StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith("Cuda", gpu.Device, StringComparison.Ordinal);
        }
    }
}
