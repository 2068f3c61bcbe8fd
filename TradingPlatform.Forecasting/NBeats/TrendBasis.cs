namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// The trend stack's polynomial basis: T[i, p] = tᵢᵖ for p = 0..degree, on the grid tᵢ = i / n, i = 0..n − 1, with
/// n = H for the forecast and n = L for the backcast (the reference implementation's grids: each on [0, 1), which keeps
/// the powers bounded by 1 however long the lookback). Every expansion is a polynomial of degree ≤ p in t.
/// </summary>
internal static class TrendBasis
{
    public static MatrixBasis Create(int degree, int length)
    {
        var thetaSize = degree + 1;
        var rows = new double[thetaSize * length];
        for (var i = 0; i < length; i++)
        {
            var t = (double)i / length;
            var power = 1.0;
            for (var p = 0; p < thetaSize; p++)
            {
                rows[(p * length) + i] = power;
                power *= t;
            }
        }

        return new MatrixBasis(rows, thetaSize, length);
    }
}
