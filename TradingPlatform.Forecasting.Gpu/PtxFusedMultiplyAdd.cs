using ILGPU.Runtime.Cuda;

namespace TradingPlatform.Forecasting.Gpu;

/// <summary>The CUDA kernel's fused multiply-add: inline PTX fma.rn.f64 (round to nearest even, one rounding). Valid only inside a CUDA kernel.</summary>
internal readonly struct PtxFusedMultiplyAdd : IFusedMultiplyAdd
{
    public double Apply(double a, double b, double c)
    {
        CudaAsm.Emit("fma.rn.f64 %0, %1, %2, %3;", out double result, a, b, c);
        return result;
    }
}
