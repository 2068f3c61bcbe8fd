using MathNet.Numerics.Distributions;

namespace TradingPlatform.AiService.Forecasting.MonteCarlo;

/// <summary>
/// The one-step relative returns the paths draw from. The engine moves a path around a point forecast only through its
/// residual bootstrap (Sₕ = Fₕ · Π(1 + rⱼ), with Fₕ the forecast), so a normal step of σ is given to it as
/// <see cref="Count"/> stratified lognormal returns rᵢ = exp(σ·zᵢ − σ²/2) − 1 with zᵢ = Φ⁻¹((i + ½) / n): drawn uniformly
/// they are a discretised N(0, σ²) log-step whose 1 + r has mean 1 (to 1e-6 at n = 4096), so every path's expectation
/// follows the forecast while its spread is σ√h. The stratified grid reaches |z| ≈ 3.6, so a 99 % tail over many steps
/// (a sum of draws) is still well resolved.
/// </summary>
internal static class MonteCarloInnovations
{
    public const int Count = 4096;

    private static readonly double[] StandardNormals =
        Enumerable.Range(0, Count).Select(i => Normal.InvCDF(0, 1, (i + 0.5) / Count)).ToArray();

    public static double[] Returns(double sigma)
    {
        var returns = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            returns[i] = Math.Exp((sigma * StandardNormals[i]) - (sigma * sigma / 2)) - 1;
        }

        return returns;
    }
}
