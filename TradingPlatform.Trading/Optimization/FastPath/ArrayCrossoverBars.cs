using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>
/// The bars in managed arrays for the CPU path. Prices are stored four per bar (open, high, low, close) side by side,
/// so a replayed bar reads one cache line per side. The search for the next cross over a flat stretch, where a
/// combination spends much of its time, compares four bars per instruction.
/// </summary>
internal readonly struct ArrayCrossoverBars(CrossoverMarket market, CrossoverIndicatorTable indicators) : ICrossoverBars
{
    private readonly long[] _bids = market.Bids;
    private readonly long[] _asks = market.Asks;
    private readonly int[] _days = market.Days;
    private readonly int[] _flags = market.Flags;
    private readonly long[] _times = market.PointTimes;
    private readonly double[] _indicators = indicators.Values;
    private readonly int _count = market.Count;

    public int Count => _count;

    public long Bid(int bar, int price) => _bids[(bar * 4) + price];

    public long Ask(int bar, int price) => _asks[(bar * 4) + price];

    public int Day(int bar, int point) => _days[(bar * 4) + point];

    public int Flags(int bar) => _flags[bar];

    public long PointTime(int point) => _times[point];

    public double Indicator(int row, int bar) => _indicators[((long)row * _count) + bar];

    public int FindCross(int fastRow, int slowRow, int from, int sign)
    {
        var fast = _indicators.AsSpan((int)((long)fastRow * _count), _count);
        var slow = _indicators.AsSpan((int)((long)slowRow * _count), _count);
        var bar = from;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var f = ref MemoryMarshal.GetReference(fast);
            ref var s = ref MemoryMarshal.GetReference(slow);
            for (; bar + Vector256<double>.Count <= _count; bar += Vector256<double>.Count)
            {
                var a = Vector256.LoadUnsafe(ref f, (nuint)bar);
                var b = Vector256.LoadUnsafe(ref s, (nuint)bar);
                var crossed = sign > 0 ? Vector256.GreaterThan(a, b) : Vector256.LessThan(a, b);
                var bits = crossed.ExtractMostSignificantBits();
                if (bits != 0)
                {
                    return bar + BitOperations.TrailingZeroCount(bits);
                }
            }
        }

        for (; bar < _count; bar++)
        {
            if (sign > 0 ? fast[bar] > slow[bar] : fast[bar] < slow[bar])
            {
                return bar;
            }
        }

        return _count;
    }
}
