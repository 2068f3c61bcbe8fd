using TradingPlatform.Forecasting.Evaluation;

namespace TradingPlatform.Forecasting.Tests.Evaluation;

/// <summary>The Student t distribution, the incomplete beta function and ln Γ against known and closed-form values.</summary>
public sealed class StudentTTests
{
    [Theory]
    [InlineData(2.0, 10, 0.07339)]
    [InlineData(1.0, 5, 0.36322)]
    [InlineData(-2.0, 10, 0.07339)]
    public void Two_sided_p_values_match_the_tables(double t, double degreesOfFreedom, double expected) =>
        Assert.Equal(expected, StudentT.TwoSidedPValue(t, degreesOfFreedom), 1e-4);

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.7)]
    [InlineData(6.0)]
    public void Closed_forms_for_1_2_and_4_degrees_of_freedom_agree(double t)
    {
        // ν = 1 (Cauchy): F(t) = 1/2 + atan(t) / π. ν = 2: F(t) = 1/2 + t / (2 √(t² + 2)).
        // ν = 4: F(t) = 1/2 + (3/8) · t / √(1 + t²/4) · (1 − t² / (12 (1 + t²/4))).
        var four = 0.5 + (3.0 / 8 * t / Math.Sqrt(1 + (t * t / 4)) * (1 - (t * t / (12 * (1 + (t * t / 4))))));
        Assert.Equal(0.5 + (Math.Atan(t) / Math.PI), StudentT.Cdf(t, 1), 1e-12);
        Assert.Equal(0.5 + (t / (2 * Math.Sqrt((t * t) + 2))), StudentT.Cdf(t, 2), 1e-12);
        Assert.Equal(four, StudentT.Cdf(t, 4), 1e-12);
        Assert.Equal(1 - four, StudentT.Cdf(-t, 4), 1e-12);
    }

    [Fact]
    public void Large_degrees_of_freedom_approach_the_normal()
    {
        // 2 (1 − Φ(1.96)) = erfc(1.96 / √2) = 0.0499957903; t with ν = 10⁶ differs by about 1e-7.
        Assert.Equal(0.04999579029644087, StudentT.TwoSidedPValue(1.96, 1_000_000), 1e-6);
        Assert.Equal(0.5, StudentT.Cdf(0, 30), 1e-15);
    }

    [Fact]
    public void The_incomplete_beta_matches_its_binomial_closed_form_on_both_branches()
    {
        // I_x(2, 3) = Σⱼ₌₂..₄ C(4, j) xʲ (1 − x)⁴⁻ʲ: at x = 0.5, (6 + 4 + 1) / 16; at 0.9, 0.0486 + 0.2916 + 0.6561.
        Assert.Equal(11 / 16.0, IncompleteBeta.Regularized(2, 3, 0.5), 1e-13);
        Assert.Equal(0.9963, IncompleteBeta.Regularized(2, 3, 0.9), 1e-13);
        Assert.Equal(Math.Pow(0.3, 2.5), IncompleteBeta.Regularized(2.5, 1, 0.3), 1e-13);   // I_x(a, 1) = xᵃ
    }

    [Fact]
    public void Log_gamma_matches_known_values()
    {
        Assert.Equal(0.5 * Math.Log(Math.PI), LogGamma.Of(0.5), 1e-13);
        Assert.Equal(Math.Log(24), LogGamma.Of(5), 1e-13);
        Assert.Equal(1.2880225246980772, LogGamma.Of(0.25), 1e-13);   // ln 3.6256099082
        Assert.Equal(359.1342053695754, LogGamma.Of(100), 1e-10);      // ln 99!
    }
}
