using TradingPlatform.Trading.Indicators;

namespace TradingPlatform.Trading.Tests.Indicators;

public sealed class MovingAverageConvergenceDivergenceTests
{
    [Fact]
    public void Two_three_two_by_hand()
    {
        // Fast EMA(2), α = 2/3: seed (1 + 2) / 2 = 1.5; 1.5 + 2/3·1.5 = 2.5; 3.5; 4.5; then 11: 4.5 + 2/3·6.5 = 53/6.
        // Slow EMA(3), α = 1/2: seed (1 + 2 + 3) / 3 = 2; 3; 4; then 11: 4 + 1/2·7 = 7.5.
        // MACD from the third value: 0.5, 0.5, 0.5, then 53/6 − 45/6 = 4/3.
        // Signal EMA(2) of the MACD: seed (0.5 + 0.5) / 2 = 0.5 at the fourth value; 0.5; then 0.5 + 2/3·(4/3 − 1/2) = 19/18.
        // Histogram 0, 0, then 4/3 − 19/18 = 5/18.
        var macd = new MovingAverageConvergenceDivergence(2, 3, 2);

        macd.Add(1);
        macd.Add(2);
        Assert.True(double.IsNaN(macd.Macd)); // the slow EMA is not ready
        Assert.False(macd.IsReady);

        macd.Add(3);
        Approx.Equal(0.5, macd.Macd, 1e-15);
        Assert.False(macd.IsReady);
        Assert.True(double.IsNaN(macd.Signal));
        Assert.True(double.IsNaN(macd.Histogram));

        macd.Add(4);
        Assert.True(macd.IsReady); // slow + signal − 1 = 4 values
        Approx.Equal(0.5, macd.Macd, 1e-15);
        Approx.Equal(0.5, macd.Signal, 1e-15);
        Approx.Equal(0, macd.Histogram, 1e-15);

        macd.Add(5);
        Approx.Equal(0.5, macd.Macd, 1e-15);
        Approx.Equal(0.5, macd.Signal, 1e-15);

        macd.Add(11);
        Approx.Equal(4.0 / 3, macd.Macd, 1e-14);
        Approx.Equal(19.0 / 18, macd.Signal, 1e-14);
        Approx.Equal(5.0 / 18, macd.Histogram, 1e-14);
    }

    [Fact]
    public void A_constant_series_has_no_divergence()
    {
        var macd = new MovingAverageConvergenceDivergence(12, 26, 9);
        for (var i = 0; i < 34; i++)
        {
            Assert.False(macd.IsReady);
            macd.Add(250);
        }

        Assert.True(macd.IsReady); // 26 + 9 − 1 = 34
        Assert.Equal((0.0, 0.0, 0.0), (macd.Macd, macd.Signal, macd.Histogram));
    }

    [Fact]
    public void Reset_starts_every_average_again()
    {
        var macd = new MovingAverageConvergenceDivergence(1, 2, 1);
        foreach (var value in new[] { 100.0, 50, 10 })
        {
            macd.Add(value);
        }

        macd.Reset();
        Assert.False(macd.IsReady);
        Assert.Equal(0, macd.Count);
        Assert.True(double.IsNaN(macd.Macd));

        // EMA(1) is the value, EMA(2) seeds with (1 + 3) / 2 = 2: MACD 3 − 2 = 1, and the signal EMA(1) of it is 1.
        macd.Add(1);
        macd.Add(3);
        Assert.True(macd.IsReady);
        Assert.Equal((1.0, 1.0, 0.0), (macd.Macd, macd.Signal, macd.Histogram));
    }

    [Theory]
    [InlineData(12, 12)]
    [InlineData(26, 12)]
    public void The_fast_period_must_be_shorter_than_the_slow_one(int fast, int slow) =>
        Assert.Throws<ArgumentException>(() => new MovingAverageConvergenceDivergence(fast, slow, 9));

    [Theory]
    [InlineData(0, 26, 9)]
    [InlineData(12, 0, 9)]
    [InlineData(12, 26, 0)]
    [InlineData(-1, 26, 9)]
    public void A_period_below_one_is_refused(int fast, int slow, int signal) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MovingAverageConvergenceDivergence(fast, slow, signal));

    [Fact]
    public void A_value_that_is_not_finite_is_refused_and_changes_nothing()
    {
        var macd = new MovingAverageConvergenceDivergence(1, 2, 1);
        macd.Add(1);
        macd.Add(3);

        Assert.Throws<ArgumentOutOfRangeException>(() => macd.Add(double.NegativeInfinity));
        Assert.Equal((1.0, 1.0), (macd.Macd, macd.Signal));
        Assert.Equal(2, macd.Count);
    }

    [Theory]
    [InlineData(1, 2, 1, 51)]
    [InlineData(3, 10, 16, 52)]
    [InlineData(12, 26, 9, 53)]
    [InlineData(50, 200, 30, 54)]
    public void Agrees_with_the_weighted_sums_of_the_inputs(int fast, int slow, int signal, int seed)
    {
        var closes = PriceSeries.Closes(seed, 5_000);
        var (expectedMacd, expectedSignal) = NaiveIndicators.Macd(closes, fast, slow, signal);
        var macd = new MovingAverageConvergenceDivergence(fast, slow, signal);

        for (var t = 0; t < closes.Length; t++)
        {
            macd.Add(closes[t]);
            Assert.Equal(t >= slow + signal - 2, macd.IsReady);
            Assert.Equal(double.IsNaN(expectedMacd[t]), double.IsNaN(macd.Macd));
            if (!double.IsNaN(expectedMacd[t]))
            {
                Approx.Equal(expectedMacd[t], macd.Macd, context: $"MACD at {t}");
            }

            if (macd.IsReady)
            {
                Approx.Equal(expectedSignal[t], macd.Signal, context: $"signal at {t}");
                Approx.Equal(expectedMacd[t] - expectedSignal[t], macd.Histogram, context: $"histogram at {t}");
            }
        }
    }
}
