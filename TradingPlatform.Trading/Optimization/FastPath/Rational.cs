using System.Numerics;

namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>An exact fraction N / D (D &gt; 0, reduced), for turning the instrument's decimals into the fast path's integer constants.</summary>
internal readonly record struct Rational
{
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            (numerator, denominator) = (-numerator, -denominator);
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        N = gcd.IsZero || gcd.IsOne ? numerator : numerator / gcd;
        D = gcd.IsZero || gcd.IsOne ? denominator : denominator / gcd;
    }

    public BigInteger N { get; }

    public BigInteger D { get; }

    public bool IsInteger => D.IsOne;

    public static Rational Of(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | new BigInteger((uint)bits[0]);
        var scale = (bits[3] >> 16) & 0xFF;
        return new Rational(bits[3] < 0 ? -mantissa : mantissa, BigInteger.Pow(10, scale));
    }

    public static Rational Of(long value) => new(value, BigInteger.One);

    public static Rational operator *(Rational a, Rational b) => new(a.N * b.N, a.D * b.D);

    public static Rational operator /(Rational a, Rational b) => new(a.N * b.D, a.D * b.N);

    public static Rational operator +(Rational a, Rational b) => new((a.N * b.D) + (b.N * a.D), a.D * b.D);

    public static Rational operator -(Rational a, Rational b) => new((a.N * b.D) - (b.N * a.D), a.D * b.D);

    public BigInteger Floor() => BigInteger.DivRem(N, D, out var remainder) - (remainder.Sign < 0 ? 1 : 0);

    public BigInteger Ceiling() => -new Rational(-N, D).Floor();
}
