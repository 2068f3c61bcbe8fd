namespace TradingPlatform.Forecasting.Gpu;

/// <summary>The CPU's fused multiply-add: <see cref="Math.FusedMultiplyAdd(double, double, double)"/> (the FMA instruction, or the C library's exact fma).</summary>
internal readonly struct ManagedFusedMultiplyAdd : IFusedMultiplyAdd
{
    public double Apply(double a, double b, double c) => Math.FusedMultiplyAdd(a, b, c);
}
