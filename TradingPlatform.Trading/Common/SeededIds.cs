namespace TradingPlatform.Trading.Common;

/// <summary>
/// A reproducible id sequence: the n-th id is a SplitMix64 hash of the seed and n, so two generators with the same seed
/// give the same ids in the same order, and different seeds give unrelated ones. Not safe to share between threads.
/// </summary>
public sealed class SeededIds(Guid seed) : IIdGenerator
{
    private readonly ulong _seed = Fold(seed);
    private ulong _counter;

    public Guid Next()
    {
        _counter++;
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes[..8], Mix(_seed + _counter));
        BitConverter.TryWriteBytes(bytes[8..], Mix(~_seed ^ (_counter * 0x9E3779B97F4A7C15UL)));
        return new Guid(bytes);
    }

    private static ulong Fold(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes);
        return BitConverter.ToUInt64(bytes[..8]) ^ Mix(BitConverter.ToUInt64(bytes[8..]));
    }

    private static ulong Mix(ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        state = (state ^ (state >> 30)) * 0xBF58476D1CE4E5B9UL;
        state = (state ^ (state >> 27)) * 0x94D049BB133111EBUL;
        return state ^ (state >> 31);
    }
}
