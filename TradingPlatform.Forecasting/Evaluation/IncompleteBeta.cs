namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// The regularised incomplete beta function Iₓ(a, b) = B(x; a, b) / B(a, b), evaluated as in Numerical Recipes
/// (Press et al., §6.4): the prefactor xᵃ (1 − x)ᵇ / (a B(a, b)) times a continued fraction evaluated by the modified
/// Lentz method, used directly when x &lt; (a + 1) / (a + b + 2), where it converges quickly, and through the symmetry
/// Iₓ(a, b) = 1 − I₁₋ₓ(b, a) otherwise. No statistics package is referenced, so the Student t distribution is built on it.
/// </summary>
internal static class IncompleteBeta
{
    private const int MaxIterations = 100_000;
    private const double Epsilon = 1e-15;
    private const double Tiny = 1e-300;

    public static double Regularized(double a, double b, double x)
    {
        if (!(a > 0) || !(b > 0) || !double.IsFinite(a) || !double.IsFinite(b))
        {
            throw new ArgumentOutOfRangeException(nameof(a), $"Iₓ(a, b) needs finite a and b above 0; they were {a} and {b}.");
        }

        if (!(x >= 0 && x <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, $"Iₓ(a, b) is defined for x in [0, 1]; it was {x}.");
        }

        if (x == 0 || x == 1)
        {
            return x;
        }

        var logPrefactor = LogGamma.Of(a + b) - LogGamma.Of(a) - LogGamma.Of(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x));
        return x < (a + 1) / (a + b + 2)
            ? Math.Exp(logPrefactor) * ContinuedFraction(a, b, x) / a
            : 1 - (Math.Exp(logPrefactor) * ContinuedFraction(b, a, 1 - x) / b);
    }

    /// <summary>
    /// The continued fraction 1 / (1 + d₁ / (1 + d₂ / (1 + …))) with d₂ₘ₊₁ = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1))
    /// and d₂ₘ = m (b − m) x / ((a + 2m − 1)(a + 2m)), by the modified Lentz method (NR's betacf).
    /// </summary>
    private static double ContinuedFraction(double a, double b, double x)
    {
        var c = 1.0;
        var d = Guard(1 - ((a + b) * x / (a + 1)));
        d = 1 / d;
        var result = d;
        for (var m = 1; m <= MaxIterations; m++)
        {
            var m2 = 2 * m;
            var even = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
            d = 1 / Guard(1 + (even * d));
            c = Guard(1 + (even / c));
            result *= d * c;

            var odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2));
            d = 1 / Guard(1 + (odd * d));
            c = Guard(1 + (odd / c));
            var step = d * c;
            result *= step;
            if (Math.Abs(step - 1) < Epsilon)
            {
                return result;
            }
        }

        throw new InvalidOperationException($"The incomplete beta continued fraction did not converge in {MaxIterations} iterations for a = {a}, b = {b}, x = {x}.");
    }

    /// <summary>Keeps a Lentz denominator away from 0 (NR's FPMIN).</summary>
    private static double Guard(double value) => Math.Abs(value) < Tiny ? Tiny : value;
}
