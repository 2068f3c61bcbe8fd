namespace TradingPlatform.Forecasting.Gpu.Tests;

/// <summary>One kernel on ILGPU's CPU accelerator for a test class: compiling it there takes seconds. Batches of 16 paths, so a run takes several launches.</summary>
public sealed class CpuEmulatorFixture : IDisposable
{
    internal MonteCarloPathsGpu Paths { get; } = MonteCarloPathsGpu.CreateOnCpuEmulator(batch: 16);

    public void Dispose() => Paths.Dispose();
}
