using TradingPlatform.Trading.Gpu;

namespace TradingPlatform.Trading.Tests.Optimization;

/// <summary>One GPU sweep on ILGPU's CPU accelerator for a test class: compiling the kernel there takes about ten seconds.</summary>
public sealed class CpuEmulatorFixture : IDisposable
{
    internal CrossoverSweepGpu Sweep { get; } = CrossoverSweepGpu.CreateOnCpuEmulator(batch: 3);

    public void Dispose() => Sweep.Dispose();
}
