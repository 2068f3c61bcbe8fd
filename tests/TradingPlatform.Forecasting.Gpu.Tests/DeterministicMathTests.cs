namespace TradingPlatform.Forecasting.Gpu.Tests;

/// <summary>The shared arithmetic against System.Math: a few units in the last place, over the ranges the paths use.</summary>
public sealed class DeterministicMathTests
{
    [Fact]
    public void Log_is_within_a_few_ulps_of_math_log()
    {
        var random = new Random(1);
        var inputs = Enumerable.Range(0, 20_000).Select(_ => DeterministicMath.OpenUnit((ulong)random.NextInt64() * 2))
            .Concat([1.0, 0.5, Math.Sqrt(0.5), Math.Sqrt(2), 1e-300, 2.0, 123456.789, DeterministicMath.OpenUnit(0)]);
        foreach (var x in inputs)
        {
            var expected = Math.Log(x);
            Assert.True(Math.Abs(DeterministicMath.Log<ManagedFusedMultiplyAdd>(x) - expected) <= 4e-16 * Math.Max(Math.Abs(expected), 1e-300) + 1e-300, $"ln {x:R}");
        }

        Assert.Equal(0.0, DeterministicMath.Log<ManagedFusedMultiplyAdd>(1.0));
    }

    [Fact]
    public void Exp_is_within_a_few_ulps_of_math_exp_and_saturates_outside_the_normal_range()
    {
        var random = new Random(2);
        foreach (var x in Enumerable.Range(0, 20_000).Select(i => i < 10_000 ? (random.NextDouble() - 0.5) * 2 : (random.NextDouble() - 0.5) * 1400).Concat([0.0, 1.0, -1.0, 709.0, -708.0]))
        {
            var expected = Math.Exp(x);
            Assert.True(Math.Abs(DeterministicMath.Exp<ManagedFusedMultiplyAdd>(x) - expected) <= 4e-16 * expected, $"exp {x:R}");
        }

        Assert.Equal(1.0, DeterministicMath.Exp<ManagedFusedMultiplyAdd>(0.0));
        Assert.Equal(double.PositiveInfinity, DeterministicMath.Exp<ManagedFusedMultiplyAdd>(710));
        Assert.Equal(0.0, DeterministicMath.Exp<ManagedFusedMultiplyAdd>(-709));
    }

    [Fact]
    public void Sin_and_cos_of_two_pi_v_are_within_1e_15_of_math()
    {
        var random = new Random(3);
        foreach (var v in Enumerable.Range(0, 20_000).Select(_ => random.NextDouble()).Concat([0.0, 0.125, 0.25, 0.375, 0.5, 0.75, 1 - 1e-16]))
        {
            DeterministicMath.SinCosTwoPi<ManagedFusedMultiplyAdd>(v, out var sin, out var cos);
            Assert.True(Math.Abs(sin - Math.Sin(2 * Math.PI * v)) <= 1e-15, $"sin 2π·{v:R}");
            Assert.True(Math.Abs(cos - Math.Cos(2 * Math.PI * v)) <= 1e-15, $"cos 2π·{v:R}");
        }
    }

    [Fact]
    public void Uniforms_and_indices_stay_in_their_ranges()
    {
        Assert.Equal(Math.Pow(2, -53), DeterministicMath.OpenUnit(0));
        Assert.Equal(1.0, DeterministicMath.OpenUnit(ulong.MaxValue));
        Assert.Equal(0.0, DeterministicMath.HalfOpenUnit(0));
        Assert.Equal(1 - Math.Pow(2, -53), DeterministicMath.HalfOpenUnit(ulong.MaxValue));
        Assert.Equal(0, DeterministicMath.Index(0, 7));
        Assert.Equal(6, DeterministicMath.Index(ulong.MaxValue, 7));
        Assert.Equal(3, DeterministicMath.Index(1UL << 63, 7));
        Assert.Equal(int.MaxValue - 1, DeterministicMath.Index(ulong.MaxValue, int.MaxValue));
    }
}
