using TradingPlatform.Trading.Indicators;

namespace TradingPlatform.Trading.Tests.Indicators;

public sealed class RelativeStrengthIndexTests
{
    [Fact]
    public void Three_period_index_by_hand()
    {
        // Closes 10, 11, 10.5, 12 → changes +1, −0.5, +1.5: avg gain (1 + 0 + 1.5) / 3 = 5/6, avg loss 0.5 / 3 = 1/6,
        // RSI = 100 · (5/6) / (6/6) = 83.333.
        // Close 11 (−1): gain (5/6 · 2 + 0) / 3 = 5/9, loss (1/6 · 2 + 1) / 3 = 4/9 → 100 · 5/9 / 1 = 55.556.
        // Close 13 (+2): gain (5/9 · 2 + 2) / 3 = 28/27, loss (4/9 · 2 + 0) / 3 = 8/27 → 100 · 28/36 = 77.778.
        var rsi = new RelativeStrengthIndex(3);
        foreach (var close in new[] { 10.0, 11, 10.5 })
        {
            rsi.Add(close);
            Assert.False(rsi.IsReady);
            Assert.True(double.IsNaN(rsi.Value));
        }

        rsi.Add(12);
        Assert.True(rsi.IsReady); // period + 1 closes
        Approx.Equal(250.0 / 3, rsi.Value, 1e-14);

        rsi.Add(11);
        Approx.Equal(500.0 / 9, rsi.Value, 1e-14);

        rsi.Add(13);
        Approx.Equal(700.0 / 9, rsi.Value, 1e-14);
    }

    [Fact]
    public void Only_gains_is_one_hundred()
    {
        var rsi = new RelativeStrengthIndex(5);
        for (var close = 1; close <= 20; close++)
        {
            rsi.Add(close);
        }

        Assert.Equal(100, rsi.Value);
    }

    [Fact]
    public void Gains_then_a_flat_stretch_stay_at_one_hundred()
    {
        // The average gain decays towards 0 but stays positive, and the average loss stays exactly 0.
        var rsi = new RelativeStrengthIndex(3);
        foreach (var close in new[] { 1.0, 2, 3, 4, 4, 4, 4, 4, 4, 4 })
        {
            rsi.Add(close);
        }

        Assert.Equal(100, rsi.Value);
    }

    [Fact]
    public void Only_losses_is_zero()
    {
        var rsi = new RelativeStrengthIndex(4);
        for (var close = 50; close > 30; close--)
        {
            rsi.Add(close);
        }

        Assert.Equal(0, rsi.Value);
    }

    [Fact]
    public void A_flat_series_is_fifty()
    {
        var rsi = new RelativeStrengthIndex(14);
        for (var i = 0; i < 15; i++)
        {
            rsi.Add(101.25);
        }

        Assert.True(rsi.IsReady);
        Assert.Equal(50, rsi.Value);
    }

    [Fact]
    public void A_period_of_one_looks_at_the_latest_change_only()
    {
        var rsi = new RelativeStrengthIndex(1);
        rsi.Add(10);
        Assert.False(rsi.IsReady);

        rsi.Add(12);
        Assert.Equal(100, rsi.Value); // a gain, no loss
        rsi.Add(11);
        Assert.Equal(0, rsi.Value); // avg = (avg · 0 + x) / 1 = x: a loss, no gain
        rsi.Add(11);
        Assert.Equal(50, rsi.Value); // no change at all
    }

    [Fact]
    public void Reset_forgets_the_previous_close()
    {
        var rsi = new RelativeStrengthIndex(1);
        rsi.Add(100);
        rsi.Add(90);

        rsi.Reset();
        Assert.False(rsi.IsReady);
        Assert.Equal(0, rsi.Count);

        rsi.Add(5);
        Assert.False(rsi.IsReady); // 5 is a first close, not a change from 90
        rsi.Add(6);
        Assert.Equal(100, rsi.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-14)]
    public void A_period_below_one_is_refused(int period) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RelativeStrengthIndex(period));

    [Fact]
    public void A_close_that_is_not_finite_is_refused_and_changes_nothing()
    {
        var rsi = new RelativeStrengthIndex(1);
        rsi.Add(1);
        rsi.Add(2);

        Assert.Throws<ArgumentOutOfRangeException>(() => rsi.Add(double.PositiveInfinity));
        rsi.Add(1.5); // a loss from 2, the last close accepted
        Assert.Equal(0, rsi.Value);
    }

    [Theory]
    [InlineData(1, 21)]
    [InlineData(2, 22)]
    [InlineData(14, 23)]
    [InlineData(50, 24)]
    public void Agrees_with_the_weighted_sums_of_the_changes(int period, int seed)
    {
        var closes = PriceSeries.Closes(seed, 5_000);
        var expected = NaiveIndicators.Rsi(closes, period);
        var rsi = new RelativeStrengthIndex(period);

        for (var t = 0; t < closes.Length; t++)
        {
            rsi.Add(closes[t]);
            Assert.Equal(t >= period, rsi.IsReady);
            if (rsi.IsReady)
            {
                Assert.InRange(rsi.Value, 0, 100);
                Approx.Equal(expected[t], rsi.Value, context: $"at {t}");
            }
        }
    }
}
