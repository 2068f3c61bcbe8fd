using ILGPU;

namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// The logarithm, exponential and sine/cosine the paths need, written with IEEE-754 double additions, multiplications,
/// divisions and explicit fused multiply-adds only, so that the CPU reference and the kernel evaluate the very same
/// operations. System.Math's versions would not do: on the CPU they are the C library's, on CUDA ILGPU has no double
/// logarithm or cosine without libdevice, and the two would differ in the last bits. Every product that feeds a sum is
/// written as a fused multiply-add (<see cref="IFusedMultiplyAdd"/>), because the PTX that ILGPU emits (mul.f64,
/// add.f64 without a rounding mode) lets the CUDA assembler fuse such a pair on its own, which .NET never does; the remaining products feed only
/// other products, divisions, square roots or stores, or are exact (scaling by a power of two). Accuracy is within a
/// few units in the last place of the correctly rounded value (checked against System.Math in the tests).
/// </summary>
internal static class DeterministicMath
{
    private const double Ln2 = 0.6931471805599453;
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;
    private const double InverseLn2 = 1.4426950408889634;
    private const double Sqrt2 = 1.4142135623730951;
    private const double HalfPi = 1.5707963267948966;
    private const double TwoToMinus53 = 1.0 / 9007199254740992.0;
    private const ulong MantissaMask = 0x000F_FFFF_FFFF_FFFFUL;
    private const ulong ExponentOne = 0x3FF0_0000_0000_0000UL;

    /// <summary>A uniform in (0, 1] from a 64-bit draw's top 53 bits: never 0, so its logarithm is finite.</summary>
    public static double OpenUnit(ulong bits) => ((bits >> 11) + 1) * TwoToMinus53;

    /// <summary>A uniform in [0, 1) from a 64-bit draw's top 53 bits.</summary>
    public static double HalfOpenUnit(ulong bits) => (bits >> 11) * TwoToMinus53;

    /// <summary>⌊bits · count / 2⁶⁴⌋: an index in [0, count) with a bias below count / 2⁶⁴ (count below 2³¹).</summary>
    public static int Index(ulong bits, int count)
    {
        var high = (bits >> 32) * (ulong)count;
        var low = ((bits & 0xFFFF_FFFFUL) * (ulong)count) >> 32;
        return (int)((high + low) >> 32);
    }

    /// <summary>
    /// ln x for a positive, finite, normal x: x = m · 2ᵉ with m in [√½, √2), and ln m = 2 atanh(s) with
    /// s = (m − 1) / (m + 1), |s| ≤ 0.172, summed to s²³ (the next term is below 10⁻¹⁸ of the result).
    /// </summary>
    public static double Log<TFma>(double x)
        where TFma : struct, IFusedMultiplyAdd
    {
        var fma = default(TFma);
        var bits = Interop.FloatAsInt(x);
        var exponent = (int)(bits >> 52) - 1023;
        var m = Interop.IntAsFloat((bits & MantissaMask) | ExponentOne);
        if (m > Sqrt2)
        {
            m *= 0.5;
            exponent++;
        }

        var f = m - 1.0;
        var s = f / (2.0 + f);
        var t = s * s;
        var p = 1.0 / 23;
        p = fma.Apply(p, t, 1.0 / 21);
        p = fma.Apply(p, t, 1.0 / 19);
        p = fma.Apply(p, t, 1.0 / 17);
        p = fma.Apply(p, t, 1.0 / 15);
        p = fma.Apply(p, t, 1.0 / 13);
        p = fma.Apply(p, t, 1.0 / 11);
        p = fma.Apply(p, t, 1.0 / 9);
        p = fma.Apply(p, t, 1.0 / 7);
        p = fma.Apply(p, t, 1.0 / 5);
        p = fma.Apply(p, t, 1.0 / 3);
        var twoS = 2.0 * s;
        var logM = fma.Apply(twoS * t, p, twoS);
        return fma.Apply(exponent, Ln2, logM);
    }

    /// <summary>
    /// eˣ: x = k · ln 2 + r with |r| ≤ ½ ln 2 (Cody and Waite's two-part ln 2), eʳ by its Taylor series to r¹³, times
    /// 2ᵏ built from the exponent bits. Above 709 it is +∞ and below −708 it is 0 (subnormal results are not formed):
    /// far outside any price path.
    /// </summary>
    public static double Exp<TFma>(double x)
        where TFma : struct, IFusedMultiplyAdd
    {
        var fma = default(TFma);
        if (x > 709.0)
        {
            return double.PositiveInfinity;
        }

        if (x < -708.0)
        {
            return 0.0;
        }

        var k = (int)fma.Apply(x, InverseLn2, x < 0 ? -0.5 : 0.5);
        var r = fma.Apply(-k, Ln2High, x);
        r = fma.Apply(-k, Ln2Low, r);
        var p = 1.0 / 6227020800.0;
        p = fma.Apply(p, r, 1.0 / 479001600.0);
        p = fma.Apply(p, r, 1.0 / 39916800.0);
        p = fma.Apply(p, r, 1.0 / 3628800.0);
        p = fma.Apply(p, r, 1.0 / 362880.0);
        p = fma.Apply(p, r, 1.0 / 40320.0);
        p = fma.Apply(p, r, 1.0 / 5040.0);
        p = fma.Apply(p, r, 1.0 / 720.0);
        p = fma.Apply(p, r, 1.0 / 120.0);
        p = fma.Apply(p, r, 1.0 / 24.0);
        p = fma.Apply(p, r, 1.0 / 6.0);
        p = fma.Apply(p, r, 0.5);
        p = fma.Apply(p, r, 1.0);
        p = fma.Apply(p, r, 1.0);
        return p * Interop.IntAsFloat((ulong)(k + 1023) << 52);
    }

    /// <summary>
    /// sin 2πv and cos 2πv for v in [0, 1): the quadrant from 4v (exact), the rest folded to an angle in [0, π/4], and
    /// the Taylor series of sine to a¹⁷ and of cosine to a¹⁸ (each next term below 10⁻¹⁹).
    /// </summary>
    public static void SinCosTwoPi<TFma>(double v, out double sin, out double cos)
        where TFma : struct, IFusedMultiplyAdd
    {
        var fma = default(TFma);
        var w = v * 4.0;
        var quadrant = (int)w;
        var t = w - quadrant;
        var folded = t > 0.5;
        if (folded)
        {
            t = 1.0 - t;
        }

        var a = t * HalfPi;
        var a2 = a * a;
        var ps = -1.0 / 355687428096000.0;
        ps = fma.Apply(ps, a2, 1.0 / 1307674368000.0);
        ps = fma.Apply(ps, a2, -1.0 / 6227020800.0);
        ps = fma.Apply(ps, a2, 1.0 / 39916800.0);
        ps = fma.Apply(ps, a2, -1.0 / 362880.0);
        ps = fma.Apply(ps, a2, 1.0 / 5040.0);
        ps = fma.Apply(ps, a2, -1.0 / 120.0);
        ps = fma.Apply(ps, a2, 1.0 / 6.0);
        var sinA = fma.Apply(a * a2, -ps, a);
        var pc = -1.0 / 6402373705728000.0;
        pc = fma.Apply(pc, a2, 1.0 / 20922789888000.0);
        pc = fma.Apply(pc, a2, -1.0 / 87178291200.0);
        pc = fma.Apply(pc, a2, 1.0 / 479001600.0);
        pc = fma.Apply(pc, a2, -1.0 / 3628800.0);
        pc = fma.Apply(pc, a2, 1.0 / 40320.0);
        pc = fma.Apply(pc, a2, -1.0 / 720.0);
        pc = fma.Apply(pc, a2, 1.0 / 24.0);
        pc = fma.Apply(pc, a2, -0.5);
        var cosA = fma.Apply(a2, pc, 1.0);
        var s0 = folded ? cosA : sinA;
        var c0 = folded ? sinA : cosA;
        if (quadrant == 0)
        {
            sin = s0;
            cos = c0;
        }
        else if (quadrant == 1)
        {
            sin = c0;
            cos = -s0;
        }
        else if (quadrant == 2)
        {
            sin = -s0;
            cos = -c0;
        }
        else
        {
            sin = -c0;
            cos = s0;
        }
    }
}
