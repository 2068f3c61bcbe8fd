namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// ln Γ(x) for x &gt; 0 by the Lanczos approximation (g = 7, 9 coefficients; relative error about 1e-15), which .NET
/// lacks; the incomplete beta function needs it for its prefactor.
/// </summary>
internal static class LogGamma
{
    private static readonly double[] Coefficients =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    public static double Of(double x)
    {
        if (!(x > 0) || !double.IsFinite(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, $"ln Γ(x) is computed for finite x above 0; it was asked for {x}.");
        }

        // Below 0.5 the series is less accurate: step up with Γ(x) = Γ(x + 1) / x.
        if (x < 0.5)
        {
            return Of(x + 1) - Math.Log(x);
        }

        var z = x - 1;
        var sum = Coefficients[0];
        for (var i = 1; i < Coefficients.Length; i++)
        {
            sum += Coefficients[i] / (z + i);
        }

        var t = z + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((z + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
