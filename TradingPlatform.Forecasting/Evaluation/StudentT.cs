namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// The Student t distribution with ν degrees of freedom through the incomplete beta function:
/// P(T ≤ −|t|) = ½ I_{ν / (ν + t²)}(ν / 2, ½), so that F(t) is that for t ≤ 0 and 1 minus it for t &gt; 0.
/// </summary>
internal static class StudentT
{
    /// <summary>F(t) = P(T ≤ t).</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        if (double.IsNaN(t))
        {
            throw new ArgumentException("t is NaN.", nameof(t));
        }

        if (!(degreesOfFreedom > 0) || !double.IsFinite(degreesOfFreedom))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, $"The degrees of freedom must be finite and above 0; they were {degreesOfFreedom}.");
        }

        if (double.IsInfinity(t))
        {
            return t > 0 ? 1 : 0;
        }

        var lowerTail = 0.5 * IncompleteBeta.Regularized(degreesOfFreedom / 2, 0.5, degreesOfFreedom / (degreesOfFreedom + (t * t)));
        return t > 0 ? 1 - lowerTail : lowerTail;
    }

    /// <summary>P(|T| ≥ |t|) = 2 F(−|t|), computed from the lower tail so that small p-values keep their digits.</summary>
    public static double TwoSidedPValue(double t, double degreesOfFreedom) => 2 * Cdf(-Math.Abs(t), degreesOfFreedom);
}
