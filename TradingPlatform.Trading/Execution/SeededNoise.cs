namespace TradingPlatform.Trading.Execution;

/// <summary>
/// The random part of slippage, derived from the order's id and the fill's sequence number (SplitMix64), so a fill is
/// reproducible: the same order filled the same way twice gets the same price, in tests and in backtests alike.
/// </summary>
public static class SeededNoise
{
    /// <summary>A value uniformly distributed in [−1, 1).</summary>
    public static decimal Symmetric(Guid key, int sequence)
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
}
