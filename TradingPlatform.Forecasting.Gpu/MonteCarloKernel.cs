using ILGPU;

namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// One thread per path: the CPU reference's own <see cref="MonteCarloPaths.Simulate{TBuffers, TFma}"/> on device
/// memory, with inline PTX fused multiply-adds on CUDA and the managed ones on ILGPU's CPU accelerator.
/// </summary>
internal static class MonteCarloKernel
{
    public static void Run<TFma>(Index1D index, PathConstants constants, DevicePathBuffers buffers, int offset)
        where TFma : struct, IFusedMultiplyAdd =>
        MonteCarloPaths.Simulate<DevicePathBuffers, TFma>(constants, buffers, index + offset);
}
