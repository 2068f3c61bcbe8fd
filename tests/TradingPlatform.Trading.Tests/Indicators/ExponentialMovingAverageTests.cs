using TradingPlatform.Trading.Indicators;

namespace TradingPlatform.Trading.Tests.Indicators;

public sealed class ExponentialMovingAverageTests
{
    [Fact]
    public void Seeded_with_the_mean_of_the_first_period_values()
    {
        // α = 2 / (3 + 1) = 0.5. Seed (1 + 2 + 3) / 3 = 2; then 2 + 0.5·(4 − 2) = 3; 3 + 0.5·(10 − 3) = 6.5.
        var ema = new ExponentialMovingAverage(3);

        ema.Add(1);
        ema.Add(2);
        Assert.False(ema.IsReady);
        Assert.True(double.IsNaN(ema.Value));

        ema.Add(3);
        Assert.True(ema.IsReady);
        Assert.Equal(2, ema.Value);

        ema.Add(4);
        Assert.Equal(3, ema.Value);

        ema.Add(10);
        Assert.Equal(6.5, ema.Value);
    }

    [Fact]
    public void Four_period_average_weighs_the_latest_value_by_two_fifths()
    {
        // α = 2 / 5 = 0.4. Seed (2 + 4 + 6 + 8) / 4 = 5; then 5 + 0.4·(10 − 5) = 7; 7 + 0.4·(0 − 7) = 4.2.
        var ema = new ExponentialMovingAverage(4);
        foreach (var value in new[] { 2.0, 4, 6, 8 })
        {
            ema.Add(value);
        }

        Assert.Equal(5, ema.Value);
        ema.Add(10);
        Approx.Equal(7, ema.Value, 1e-15);
        ema.Add(0);
        Approx.Equal(4.2, ema.Value, 1e-15);
    }

    [Fact]
    public void A_period_of_one_is_the_latest_value()
    {
        var ema = new ExponentialMovingAverage(1); // α = 1

        ema.Add(3);
        Assert.Equal(3, ema.Value);
        ema.Add(-8);
        Assert.Equal(-8, ema.Value);
    }

    [Fact]
    public void A_constant_series_stays_on_the_constant()
    {
        var ema = new ExponentialMovingAverage(10);
        for (var i = 0; i < 1_000; i++)
        {
            ema.Add(0.5);
        }

        Assert.Equal(0.5, ema.Value); // 0.5 + α·0 at every step
    }

    [Fact]
    public void Reset_starts_a_new_seed()
    {
        var ema = new ExponentialMovingAverage(2);
        ema.Add(100);
        ema.Add(100);
        ema.Add(100);

        ema.Reset();
        Assert.False(ema.IsReady);
        Assert.Equal(0, ema.Count);

        ema.Add(1);
        Assert.False(ema.IsReady);
        ema.Add(3);
        Assert.Equal(2, ema.Value); // the seed (1 + 3) / 2, not smoothed from 100
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_period_below_one_is_refused(int period) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialMovingAverage(period));

    [Fact]
    public void A_value_that_is_not_finite_is_refused_and_changes_nothing()
    {
        var ema = new ExponentialMovingAverage(1);
        ema.Add(4);

        Assert.Throws<ArgumentOutOfRangeException>(() => ema.Add(double.NaN));
        Assert.Equal(4, ema.Value);
    }

    [Theory]
    [InlineData(1, 11)]
    [InlineData(2, 12)]
    [InlineData(12, 13)]
    [InlineData(26, 14)]
    [InlineData(200, 15)]
    public void Agrees_with_the_weighted_sum_of_the_inputs(int period, int seed)
    {
        var closes = PriceSeries.Closes(seed, 5_000);
        var expected = NaiveIndicators.Ema(closes, period);
        var ema = new ExponentialMovingAverage(period);

        for (var t = 0; t < closes.Length; t++)
        {
            ema.Add(closes[t]);
            Assert.Equal(t >= period - 1, ema.IsReady);
            if (ema.IsReady)
            {
                Approx.Equal(expected[t], ema.Value, context: $"at {t}");
            }
        }
    }
}
