namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>
/// Integer division with the engine's roundings, on exact integers: every price in the fast path is a whole number of
/// ticks, every quantity of lots and every amount of cents (or of a known fraction of a cent), so each of the engine's
/// decimal roundings is a rounding of a ratio of two integers, which these compute exactly. Plain arithmetic only, so
/// the GPU kernel runs the same code. Divisors are positive.
/// </summary>
internal static class ExactMath
{
    /// <summary>Below this a long converts to a double exactly, so a double quotient is within one of the true one.</summary>
    private const long ExactInDouble = 1L << 52;

    /// <summary>⌊p / q⌋.</summary>
    /// <remarks>
    /// A 64-bit integer division costs 40 to 90 cycles and the equity mark at every bar close needs one, so the quotient
    /// is estimated in double (one rounding: off by at most one for |p| &lt; 2^52) and corrected with an exact remainder;
    /// a divisor of 1 (a tick × lot worth whole cents) costs nothing.
    /// </remarks>
    public static long FloorDiv(long p, long q)
    {
        if (q == 1)
        {
            return p;
        }

        if (p < ExactInDouble && p > -ExactInDouble)
        {
            var estimate = (long)Math.Floor((double)p / q);
            var remainder = p - (estimate * q);
            return remainder < 0 ? estimate - 1 : remainder >= q ? estimate + 1 : estimate;
        }

        var quotient = p / q;
        return p % q < 0 ? quotient - 1 : quotient;
    }

    /// <summary>p / q rounded to the nearest integer, a tie to the even one (<see cref="MidpointRounding.ToEven"/>, as <see cref="Common.Money.Round"/>).</summary>
    public static long RoundHalfEven(long p, long q)
    {
        if (q == 1)
        {
            return p;
        }

        var quotient = FloorDiv(p, q);
        var twice = 2 * (p - (quotient * q));
        return twice > q || (twice == q && (quotient & 1) != 0) ? quotient + 1 : quotient;
    }

    /// <summary>p / q rounded to the nearest integer, a tie away from zero (<see cref="MidpointRounding.AwayFromZero"/>, as <see cref="Instruments.Instrument.RoundToTick"/>).</summary>
    public static long RoundHalfAway(long p, long q)
    {
        var magnitude = p < 0 ? -p : p;
        var quotient = FloorDiv(magnitude, q);
        if (2 * (magnitude - (quotient * q)) >= q)
        {
            quotient++;
        }

        return p < 0 ? -quotient : quotient;
    }

    /// <summary>Whether p / q lies exactly halfway between two integers.</summary>
    public static bool IsHalfway(long p, long q)
    {
        var magnitude = p < 0 ? -p : p;
        return 2 * (magnitude - (FloorDiv(magnitude, q) * q)) == q;
    }

    public static long Min(long a, long b) => a < b ? a : b;

    public static long Max(long a, long b) => a > b ? a : b;

    public static long Abs(long a) => a < 0 ? -a : a;
}
