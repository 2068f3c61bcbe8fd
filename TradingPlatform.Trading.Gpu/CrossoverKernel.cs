using ILGPU;
using TradingPlatform.Trading.Optimization.FastPath;

namespace TradingPlatform.Trading.Gpu;

/// <summary>One thread per combination: the same simulation the CPU path runs, over the bars in device memory.</summary>
internal static class CrossoverKernel
{
    public static void Run(
        Index1D index,
        DeviceCrossoverBars bars,
        CrossoverConstants constants,
        ArrayView<CrossoverCombination> combinations,
        ArrayView<CrossoverAccumulators> results,
        int offset)
    {
        results[index + offset] = CrossoverSimulation<DeviceCrossoverBars>.Run(bars, constants, combinations[index + offset]);
    }
}
