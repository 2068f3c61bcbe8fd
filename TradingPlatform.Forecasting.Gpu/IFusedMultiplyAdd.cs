namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// a · b + c rounded once (IEEE-754 fusedMultiplyAdd), as a struct type parameter of <see cref="DeterministicMath"/>
/// and <see cref="MonteCarloPaths"/>: ILGPU 1.5.3 does not map Math.FusedMultiplyAdd to PTX (it leaves an unresolved
/// external call), so the CUDA kernel is instantiated with inline PTX (<see cref="PtxFusedMultiplyAdd"/>) and the CPU
/// code, the ILGPU CPU accelerator included, with <see cref="ManagedFusedMultiplyAdd"/>. Both give the same double.
/// </summary>
internal interface IFusedMultiplyAdd
{
    double Apply(double a, double b, double c);
}
