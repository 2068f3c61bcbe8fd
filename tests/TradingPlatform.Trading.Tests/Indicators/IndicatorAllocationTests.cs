using TradingPlatform.Trading.Indicators;

namespace TradingPlatform.Trading.Tests.Indicators;

/// <summary>
/// Backtests feed the indicators millions of bars: an update must not allocate. Each indicator is warmed up past its
/// first ring wrap (so the JIT and any lazy state are done), then 100,000 updates must leave this thread's allocation
/// counter where it was.
/// </summary>
public sealed class IndicatorAllocationTests
{
    private const int Updates = 100_000;
    private static readonly double[] Closes = PriceSeries.Closes(seed: 71, count: 1_000);

    [Fact]
    public void Simple_moving_average() => AssertNoAllocation(new SimpleMovingAverage(20).Add);

    [Fact]
    public void Exponential_moving_average() => AssertNoAllocation(new ExponentialMovingAverage(20).Add);

    [Fact]
    public void Relative_strength_index() => AssertNoAllocation(new RelativeStrengthIndex(14).Add);

    [Fact]
    public void Bollinger_bands() => AssertNoAllocation(new BollingerBands(20, 2).Add);

    [Fact]
    public void Moving_average_convergence_divergence() => AssertNoAllocation(new MovingAverageConvergenceDivergence(12, 26, 9).Add);

    [Fact]
    public void Donchian_channel()
    {
        var channel = new DonchianChannel(20);
        AssertNoAllocation(close => channel.Add(close + 1, close - 1));
    }

    private static void AssertNoAllocation(Action<double> add)
    {
        for (var i = 0; i < 2 * Closes.Length; i++)
        {
            add(Closes[i % Closes.Length]);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Updates; i++)
        {
            add(Closes[i % Closes.Length]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
