namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>
/// Per-bar bits: whether the settings' path visits the high before the low, and which of the bar's prices are equal
/// (the engine skips a path price equal to the one before it, and a skipped quote rolls no day and settles no funding).
/// </summary>
internal static class BarFlags
{
    public const int HighFirst = 1;
    public const int OpenEqualsHigh = 2;
    public const int OpenEqualsLow = 4;
    public const int HighEqualsLow = 8;
    public const int HighEqualsClose = 16;
    public const int LowEqualsClose = 32;

    /// <summary>
    /// All four quotes fall on one UTC day and the open and close lie within [low, high], so every quote's bid and ask
    /// lie between the low's and the high's: a bar whose extremes trigger nothing triggers nothing at any of its quotes.
    /// </summary>
    public const int Bounded = 64;

    /// <summary>Whether bar prices <paramref name="a"/> and <paramref name="b"/> (<see cref="BarPrice"/>) are equal.</summary>
    public static bool Same(int flags, int a, int b)
    {
        // Plain comparisons (no tuples or switch tables): this runs inside the GPU kernel too.
        var lo = a < b ? a : b;
        var hi = a < b ? b : a;
        var bit = 0;
        if (lo == BarPrice.Open)
        {
            bit = hi == BarPrice.High ? OpenEqualsHigh : hi == BarPrice.Low ? OpenEqualsLow : 0;
        }
        else if (lo == BarPrice.High)
        {
            bit = hi == BarPrice.Low ? HighEqualsLow : hi == BarPrice.Close ? HighEqualsClose : 0;
        }
        else if (lo == BarPrice.Low && hi == BarPrice.Close)
        {
            bit = LowEqualsClose;
        }

        return (flags & bit) != 0;
    }
}
