namespace TradingPlatform.Forecasting.Gpu.Tests;

/// <summary>The standard normal distribution for the analytic values the simulations are checked against.</summary>
internal static class Normal
{
    /// <summary>z₀.₉, z₀.₉₅ and z₀.₉₉.</summary>
    public const double Z90 = 1.2815515655446004;
    public const double Z95 = 1.6448536269514722;
    public const double Z99 = 2.3263478740408408;

    public static double Density(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);

    /// <summary>Φ(x) through erfc (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7: far below the tests' tolerances).</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        double[] coefficients = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var poly = 0.0;
        for (var i = coefficients.Length - 1; i > 0; i--)
        {
            poly = t * (coefficients[i] + poly);
        }

        var r = t * Math.Exp(-(z * z) + coefficients[0] + poly);
        return x >= 0 ? r : 2 - r;
    }
}
