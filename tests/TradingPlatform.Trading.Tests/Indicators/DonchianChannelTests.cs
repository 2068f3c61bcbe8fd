using TradingPlatform.Trading.Indicators;

namespace TradingPlatform.Trading.Tests.Indicators;

public sealed class DonchianChannelTests
{
    [Fact]
    public void Highs_and_lows_leave_the_channel_when_they_leave_the_window()
    {
        var channel = new DonchianChannel(3);

        channel.Add(10, 5);
        channel.Add(12, 6);
        Assert.False(channel.IsReady);
        Assert.True(double.IsNaN(channel.Upper));

        channel.Add(11, 4); // highs 10, 12, 11; lows 5, 6, 4
        Assert.True(channel.IsReady);
        Assert.Equal((12.0, 8.0, 4.0), (channel.Upper, channel.Middle, channel.Lower));

        channel.Add(9, 7); // highs 12, 11, 9; lows 6, 4, 7
        Assert.Equal((12.0, 8.0, 4.0), (channel.Upper, channel.Middle, channel.Lower));

        channel.Add(8, 7.5); // highs 11, 9, 8 (12 has left); lows 4, 7, 7.5
        Assert.Equal((11.0, 7.5, 4.0), (channel.Upper, channel.Middle, channel.Lower));

        channel.Add(8.5, 8); // highs 9, 8, 8.5; lows 7, 7.5, 8 (4 has left)
        Assert.Equal((9.0, 8.0, 7.0), (channel.Upper, channel.Middle, channel.Lower));

        channel.Add(20, 1); // the latest bar counts at once
        Assert.Equal((20.0, 10.5, 1.0), (channel.Upper, channel.Middle, channel.Lower));
    }

    [Fact]
    public void Falling_highs_and_rising_lows_step_the_channel_in_bar_by_bar()
    {
        // Bars (10, 0), (9, 1), (8, 2), (7, 3), (6, 4): every high is below the one before and every low above, so the
        // extremes are always the older bar's, and each value stays in its deque until it is the oldest.
        var channel = new DonchianChannel(2);
        double[] expectedUpper = [double.NaN, 10, 9, 8, 7];
        double[] expectedLower = [double.NaN, 0, 1, 2, 3];

        var actual = Enumerable.Range(0, 5).Select(i => { channel.Add(10 - i, i); return (channel.Upper, channel.Lower); }).ToArray();

        Assert.Equal(expectedUpper, actual.Select(bar => bar.Upper));
        Assert.Equal(expectedLower, actual.Select(bar => bar.Lower));
    }

    [Fact]
    public void Equal_highs_keep_the_level_until_the_last_of_them_leaves()
    {
        var channel = new DonchianChannel(2);
        channel.Add(5, 1);
        channel.Add(5, 1);
        channel.Add(4, 2); // the second 5 is still in the window
        Assert.Equal((5.0, 1.0), (channel.Upper, channel.Lower));

        channel.Add(3, 2);
        Assert.Equal((4.0, 2.0), (channel.Upper, channel.Lower));
    }

    [Fact]
    public void A_period_of_one_is_the_latest_bar()
    {
        var channel = new DonchianChannel(1);
        channel.Add(3, 1);
        Assert.Equal((3.0, 2.0, 1.0), (channel.Upper, channel.Middle, channel.Lower));
        channel.Add(2, 2); // a bar with no range
        Assert.Equal((2.0, 2.0, 2.0), (channel.Upper, channel.Middle, channel.Lower));
        channel.Add(10, 9);
        Assert.Equal((10.0, 9.5, 9.0), (channel.Upper, channel.Middle, channel.Lower));
    }

    [Fact]
    public void Reset_forgets_every_bar()
    {
        var channel = new DonchianChannel(2);
        channel.Add(100, 0);
        channel.Add(50, 40);

        channel.Reset();
        Assert.False(channel.IsReady);
        Assert.Equal(0, channel.Count);

        channel.Add(10, 9);
        Assert.False(channel.IsReady);
        channel.Add(11, 10);
        Assert.Equal((11.0, 9.0), (channel.Upper, channel.Lower)); // nothing left of 100 or 0
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_period_below_one_is_refused(int period) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DonchianChannel(period));

    [Fact]
    public void A_bar_whose_low_is_above_its_high_is_refused_and_changes_nothing()
    {
        var channel = new DonchianChannel(1);
        channel.Add(2, 1);

        Assert.Throws<ArgumentException>(() => channel.Add(1, 2));
        Assert.Equal((2.0, 1.0), (channel.Upper, channel.Lower));
        Assert.Equal(1, channel.Count);
    }

    [Theory]
    [InlineData(double.NaN, 1)]
    [InlineData(2, double.NaN)]
    [InlineData(double.PositiveInfinity, 1)]
    [InlineData(2, double.NegativeInfinity)]
    public void A_price_that_is_not_finite_is_refused(double high, double low)
    {
        var channel = new DonchianChannel(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => channel.Add(high, low));
        Assert.Equal(0, channel.Count);
    }

    [Theory]
    [InlineData(1, 61)]
    [InlineData(2, 62)]
    [InlineData(20, 63)]
    [InlineData(55, 64)]
    [InlineData(300, 65)]
    public void Agrees_with_a_scan_of_each_window(int period, int seed)
    {
        var bars = PriceSeries.Bars(seed, 5_000);
        var (upper, lower) = NaiveIndicators.Donchian(bars, period);
        var channel = new DonchianChannel(period);

        for (var t = 0; t < bars.Length; t++)
        {
            channel.Add(bars[t].High, bars[t].Low);
            Assert.Equal(t >= period - 1, channel.IsReady);
            if (channel.IsReady)
            {
                // Upper and Lower are window values themselves, not computed: they must be exact.
                Assert.Equal(upper[t], channel.Upper);
                Assert.Equal(lower[t], channel.Lower);
                Assert.Equal((upper[t] + lower[t]) / 2, channel.Middle);
            }
        }
    }
}
