namespace TradingPlatform.Forecasting.Gpu.Tests;

/// <summary>Backend choice: CUDA when ILGPU finds a device, the plain C# engine otherwise, never the ILGPU CPU accelerator.</summary>
public sealed class EngineTests
{
    [Fact]
    public void Preferring_the_gpu_without_a_cuda_device_gives_the_plain_cpu_engine_and_says_why()
    {
        using var engine = MonteCarloEngine.Create(preferGpu: true);

        if (engine.Backend == MonteCarloBackend.Cpu)
        {
            Assert.StartsWith("no GPU", engine.GpuUnavailableReason, StringComparison.Ordinal);
            Assert.StartsWith("CPU (plain C#", engine.DeviceName, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(MonteCarloBackend.Cuda, engine.Backend);
            Assert.StartsWith("Cuda", engine.DeviceName, StringComparison.Ordinal);
            Assert.Null(engine.GpuUnavailableReason);
        }

        var result = engine.Run(MonteCarloRequest.GeometricBrownianMotion(100, 0, 0.02, paths: 100, steps: 3, seed: 1));
        Assert.Equal(engine.Backend, result.Backend);
        Assert.Equal(engine.DeviceName, result.DeviceName);
    }

    [Fact]
    public void Not_preferring_the_gpu_gives_the_cpu_engine_without_a_reason()
    {
        using var engine = MonteCarloEngine.Create(preferGpu: false);

        Assert.Equal(MonteCarloBackend.Cpu, engine.Backend);
        Assert.Null(engine.GpuUnavailableReason);
        Assert.Equal($"CPU (plain C#, {Environment.ProcessorCount} threads)", engine.DeviceName);
    }

    [Fact]
    public void The_result_reports_every_step_and_level_in_order()
    {
        using var engine = MonteCarloEngine.Create(preferGpu: false);

        var result = engine.Run(MonteCarloRequest.GeometricBrownianMotion(100, 0, 0.02, paths: 1001, steps: 4, seed: 2) with { QuantileLevels = [0.05, 0.25, 0.5, 0.75, 0.95] });

        Assert.Equal(1001, result.Paths);
        Assert.Equal([1, 2, 3, 4], result.Steps.Select(s => s.Step));
        Assert.All(result.Steps, s =>
        {
            Assert.Equal(5, s.Quantiles.Count);
            Assert.True(s.Quantiles.Zip(s.Quantiles.Skip(1)).All(pair => pair.First <= pair.Second));
        });
    }

    [Fact]
    public void Quantiles_interpolate_between_order_statistics()
    {
        double[] sorted = [1, 2, 4, 8];

        Assert.Equal(1, MonteCarloSummary.Quantile(sorted, 1e-12), 9);
        Assert.Equal(3, MonteCarloSummary.Quantile(sorted, 0.5));
        Assert.Equal(8, MonteCarloSummary.Quantile(sorted, 1 - 1e-12), 9);
        // Position (N − 1)·p = 1.7: seven tenths of the way from 2 to 4.
        Assert.Equal(3.4, MonteCarloSummary.Quantile(sorted, 1.7 / 3), 12);
    }
}
