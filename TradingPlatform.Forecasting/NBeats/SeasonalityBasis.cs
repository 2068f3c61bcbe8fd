namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// The seasonality stack's Fourier basis on the grid tᵢ = i / n, i = 0..n − 1 (n = H for the forecast, n = L for the
/// backcast, as for <see cref="TrendBasis"/>): rows cos(2π k t) for k = 0..K, then sin(2π k t) for k = 1..K, so θ has
/// 2K + 1 coefficients. The paper's sin(0 · t) row is left out: it is zero everywhere and its θ could never learn.
/// </summary>
internal static class SeasonalityBasis
{
    public static MatrixBasis Create(int harmonics, int length)
    {
        var thetaSize = (2 * harmonics) + 1;
        var rows = new double[thetaSize * length];
        for (var i = 0; i < length; i++)
        {
            var t = (double)i / length;
            for (var k = 0; k <= harmonics; k++)
            {
                rows[(k * length) + i] = Math.Cos(2 * Math.PI * k * t);
            }

            for (var k = 1; k <= harmonics; k++)
            {
                rows[((harmonics + k) * length) + i] = Math.Sin(2 * Math.PI * k * t);
            }
        }

        return new MatrixBasis(rows, thetaSize, length);
    }
}
