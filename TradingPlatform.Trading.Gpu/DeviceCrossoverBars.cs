using ILGPU;
using TradingPlatform.Trading.Optimization.FastPath;

namespace TradingPlatform.Trading.Gpu;

/// <summary>The fast path's bars in device memory, laid out as on the CPU (<see cref="CrossoverMarket"/>, <see cref="CrossoverIndicatorTable"/>).</summary>
internal struct DeviceCrossoverBars : ICrossoverBars
{
    public ArrayView<long> Bids;
    public ArrayView<long> Asks;
    public ArrayView<int> Days;
    public ArrayView<int> BarFlags;
    public ArrayView<long> Times;
    public ArrayView<double> Indicators;
    public int Bars;

    public readonly int Count => Bars;

    public readonly long Bid(int bar, int price) => Bids[(bar * 4) + price];

    public readonly long Ask(int bar, int price) => Asks[(bar * 4) + price];

    public readonly int Day(int bar, int point) => Days[(bar * 4) + point];

    public readonly int Flags(int bar) => BarFlags[bar];

    public readonly long PointTime(int point) => Times[point];

    public readonly double Indicator(int row, int bar) => Indicators[((long)row * Bars) + bar];

    /// <summary>A plain scan: each thread is one combination, and neighbouring threads read neighbouring bars.</summary>
    public readonly int FindCross(int fastRow, int slowRow, int from, int sign)
    {
        var fast = (long)fastRow * Bars;
        var slow = (long)slowRow * Bars;
        for (var bar = from; bar < Bars; bar++)
        {
            var f = Indicators[fast + bar];
            var s = Indicators[slow + bar];
            if (sign > 0 ? f > s : f < s)
            {
                return bar;
            }
        }

        return Bars;
    }
}
