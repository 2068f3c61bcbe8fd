namespace TradingPlatform.Trading.Execution;

/// <summary>
/// The random part of slippage, derived from the order's id and the fill's sequence number (SplitMix64), so a fill is
/// reproducible: the same order filled the same way twice gets the same price, in tests and in backtests alike.
/// </summary>
/// <remarks>
/// The simulator's sequence is <see cref="FillSequence"/>: it comes from what the order row itself holds, so it is the
/// same whether or not the order's history was loaded, and differs between the partial fills of one order.
/// </remarks>
public static class SeededNoise
{
    /// <summary>A value uniformly distributed in [−1, 1).</summary>
    public static decimal Symmetric(Guid key, long sequence)
    {
        Span<byte> bytes = stackalloc byte[16];
        key.TryWriteBytes(bytes);
        var state = BitConverter.ToUInt64(bytes[..8]) ^ BitConverter.ToUInt64(bytes[8..]) ^ (ulong)sequence * 0x9E3779B97F4A7C15UL;
        state += 0x9E3779B97F4A7C15UL;
        state = (state ^ (state >> 30)) * 0xBF58476D1CE4E5B9UL;
        state = (state ^ (state >> 27)) * 0x94D049BB133111EBUL;
        state ^= state >> 31;
        return (decimal)(state >> 11) / (1UL << 53) * 2m - 1m;
    }

    /// <summary>
    /// The sequence of an order's next fill: the quantity it has filled so far, as the bits of that number. Zero for
    /// the first fill; different for every later one, since each fill adds to the quantity; and equal for equal
    /// quantities whatever their scale (1.5 and 1.50 as the database may return them).
    /// </summary>
    public static long FillSequence(decimal filledBefore) => BitConverter.DoubleToInt64Bits((double)filledBefore);
}
