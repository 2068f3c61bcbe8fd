using TradingPlatform.Trading.Indicators;

namespace TradingPlatform.Trading.Tests.Indicators;

public sealed class SimpleMovingAverageTests
{
    [Fact]
    public void Three_period_average_of_one_to_five()
    {
        var sma = new SimpleMovingAverage(3);

        sma.Add(1);
        sma.Add(2);
        Assert.False(sma.IsReady);
        Assert.True(double.IsNaN(sma.Value));

        sma.Add(3);
        Assert.True(sma.IsReady);
        Assert.Equal(2, sma.Value); // (1 + 2 + 3) / 3

        sma.Add(4);
        Assert.Equal(3, sma.Value); // (2 + 3 + 4) / 3

        sma.Add(5);
        Assert.Equal(4, sma.Value); // (3 + 4 + 5) / 3
        Assert.Equal(5, sma.Count);
    }

    [Fact]
    public void The_window_keeps_sliding_after_the_ring_wraps()
    {
        var sma = new SimpleMovingAverage(2);
        double[] expected = [double.NaN, 15, 25, 35, 30, 10]; // (10+20)/2, (20+30)/2, (30+40)/2, (40+20)/2, (20+0)/2

        var actual = new[] { 10.0, 20, 30, 40, 20, 0 }.Select(value => { sma.Add(value); return sma.Value; });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_period_of_one_is_the_latest_value()
    {
        var sma = new SimpleMovingAverage(1);

        sma.Add(7.5);
        Assert.True(sma.IsReady);
        Assert.Equal(7.5, sma.Value);

        sma.Add(-2);
        Assert.Equal(-2, sma.Value);
    }

    [Fact]
    public void A_constant_series_averages_to_the_constant()
    {
        var sma = new SimpleMovingAverage(4);
        for (var i = 0; i < 1_000; i++)
        {
            sma.Add(42.25); // a binary fraction: every partial sum is exact

            if (sma.IsReady)
            {
                Assert.Equal(42.25, sma.Value);
            }
        }
    }

    [Fact]
    public void Reset_forgets_every_value()
    {
        var sma = new SimpleMovingAverage(2);
        sma.Add(100);
        sma.Add(200);
        sma.Add(300);

        sma.Reset();
        Assert.False(sma.IsReady);
        Assert.Equal(0, sma.Count);
        Assert.True(double.IsNaN(sma.Value));

        sma.Add(5);
        Assert.False(sma.IsReady);
        sma.Add(7);
        Assert.Equal(6, sma.Value); // (5 + 7) / 2, nothing left of 100..300
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_period_below_one_is_refused(int period) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimpleMovingAverage(period));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_value_that_is_not_finite_is_refused_and_changes_nothing(double value)
    {
        var sma = new SimpleMovingAverage(2);
        sma.Add(1);
        sma.Add(3);

        Assert.Throws<ArgumentOutOfRangeException>(() => sma.Add(value));
        Assert.Equal(2, sma.Value);
        Assert.Equal(2, sma.Count);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(14, 3)]
    [InlineData(50, 4)]
    [InlineData(200, 5)]
    public void Agrees_with_the_mean_of_each_window(int period, int seed)
    {
        var closes = PriceSeries.Closes(seed, 5_000);
        var expected = NaiveIndicators.Sma(closes, period);
        var sma = new SimpleMovingAverage(period);

        for (var t = 0; t < closes.Length; t++)
        {
            sma.Add(closes[t]);
            Assert.Equal(t >= period - 1, sma.IsReady);
            if (sma.IsReady)
            {
                Approx.Equal(expected[t], sma.Value, context: $"at {t}");
            }
        }
    }

    [Fact]
    public void Does_not_drift_over_ten_million_updates()
    {
        // Regimes of 250,000 values near 10⁶ and near 1 in turn: a plain running sum keeps the rounding errors of the
        // large values after they left the window, which is 10⁶ times too much for the small ones' mean. The same
        // loop keeps such a sum to show the series does expose drift.
        const int Period = 64;
        const int Updates = 10_000_000;
        var random = new Random(2026);
        var sma = new SimpleMovingAverage(Period);
        var window = new double[Period];
        var plainSum = 0.0;
        var worst = 0.0;
        var worstPlain = 0.0;
        for (var i = 0; i < Updates; i++)
        {
            var scale = i / 250_000 % 2 == 0 ? 1e6 : 1;
            var value = scale * (1 + random.NextDouble());
            plainSum += value - window[i % Period];
            window[i % Period] = value;
            sma.Add(value);

            if (i >= Period && i % 1_009 == 0)
            {
                var exact = window.Sum() / Period; // positive values: exact to about 64 ulp
                worst = Math.Max(worst, Math.Abs(sma.Value - exact) / exact);
                worstPlain = Math.Max(worstPlain, Math.Abs(plainSum / Period - exact) / exact);
            }
        }

        Assert.True(worstPlain > 1e-9, $"the series does not expose drift: a plain running sum was within {worstPlain:E2}");
        Assert.True(worst < 1e-9, $"drifted by {worst:E2} relative");
    }
}
