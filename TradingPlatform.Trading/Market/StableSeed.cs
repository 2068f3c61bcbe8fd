namespace TradingPlatform.Trading.Market;

/// <summary>
/// Derives per-symbol seeds that are the same in every process (string.GetHashCode is randomised per process), so
/// a seeded market is reproducible, and adding an instrument never changes another's path.
/// </summary>
public static class StableSeed
{
    public static int For(int seed, string symbol, string purpose = "")
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentNullException.ThrowIfNull(purpose);
        var hash = 14695981039346656037UL; // FNV-1a
        foreach (var c in Instruments.Symbol.Normalize(symbol) + "|" + purpose)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        // SplitMix64 finaliser over the seed and the symbol's hash.
        var z = hash + (0x9E3779B97F4A7C15UL * (ulong)(uint)seed);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
