using TradingPlatform.Trading.Indicators;

namespace TradingPlatform.Trading.Tests.Indicators;

public sealed class BollingerBandsTests
{
    [Fact]
    public void Two_period_bands_by_hand()
    {
        // Two values a, b: mean (a + b) / 2 and population σ |a − b| / 2.
        var bands = new BollingerBands(2, 2);

        bands.Add(1);
        Assert.False(bands.IsReady);
        Assert.True(double.IsNaN(bands.Middle));
        Assert.True(double.IsNaN(bands.Upper));

        bands.Add(3); // mean 2, σ 1 → 2 ± 2
        Assert.True(bands.IsReady);
        Assert.Equal((2.0, 1.0, 4.0, 0.0), (bands.Middle, bands.StandardDeviation, bands.Upper, bands.Lower));

        bands.Add(7); // window 3, 7: mean 5, σ 2 → 5 ± 4
        Assert.Equal((5.0, 2.0, 9.0, 1.0), (bands.Middle, bands.StandardDeviation, bands.Upper, bands.Lower));

        bands.Add(7); // window 7, 7: σ 0
        Assert.Equal((7.0, 0.0, 7.0, 7.0), (bands.Middle, bands.StandardDeviation, bands.Upper, bands.Lower));
    }

    [Fact]
    public void Population_deviation_divides_by_n()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32, σ = √(32 / 8) = 2
        // (the sample deviation, √(32 / 7), would be 2.138).
        var bands = new BollingerBands(8, 2);
        foreach (var value in new[] { 2.0, 4, 4, 4, 5, 5, 7, 9 })
        {
            bands.Add(value);
        }

        Assert.Equal((5.0, 2.0, 9.0, 1.0), (bands.Middle, bands.StandardDeviation, bands.Upper, bands.Lower));

        // 4 replaces 2: 4, 4, 4, 5, 5, 7, 9, 4 has mean 42 / 8 = 5.25 and squared deviations
        // 4 · 1.25² + 2 · 0.25² + 1.75² + 3.75² = 6.25 + 0.125 + 3.0625 + 14.0625 = 23.5, σ = √(23.5 / 8) = √2.9375.
        bands.Add(4);
        Assert.Equal(5.25, bands.Middle);
        Approx.Equal(Math.Sqrt(2.9375), bands.StandardDeviation, 1e-15);
        Approx.Equal(5.25 + 2 * Math.Sqrt(2.9375), bands.Upper, 1e-15);
    }

    [Fact]
    public void A_width_of_zero_puts_both_bands_on_the_middle()
    {
        var bands = new BollingerBands(5, 0);
        foreach (var close in PriceSeries.Closes(seed: 31, count: 100))
        {
            bands.Add(close);
            if (bands.IsReady)
            {
                Assert.True(bands.StandardDeviation > 0);
                Assert.Equal(bands.Middle, bands.Upper);
                Assert.Equal(bands.Middle, bands.Lower);
            }
        }
    }

    [Fact]
    public void A_constant_series_has_bands_exactly_on_the_value()
    {
        var bands = new BollingerBands(5, 2);
        for (var i = 0; i < 50; i++)
        {
            bands.Add(100.1); // not a binary fraction: a sum of five of them rounds

            if (bands.IsReady)
            {
                Assert.Equal((100.1, 0.0, 100.1, 100.1), (bands.Middle, bands.StandardDeviation, bands.Upper, bands.Lower));
            }
        }
    }

    [Fact]
    public void A_window_that_has_gone_flat_has_no_deviation_at_all()
    {
        // Found by search: the last five values are all 94.93, but the sliding updates since the recompute at the
        // tenth value leave Σ (x − mean)² ≈ 7e-15 without the equal-run check, which the square root magnifies into a
        // deviation of 4e-8 where there is none.
        var bands = new BollingerBands(5, 2);
        foreach (var value in new[] { 105.57, 95.4, 91.74, 96.65, 109.28, 105.16, 92.36, 94.93, 94.93, 94.93, 94.93, 94.93 })
        {
            bands.Add(value);
        }

        Assert.Equal((94.93, 0.0, 94.93, 94.93), (bands.Middle, bands.StandardDeviation, bands.Upper, bands.Lower));

        // And it moves on from there: 94.93 × 4, 95.43 has mean 94.93 + 0.5 / 5 = 95.03, squared deviations
        // 4 · 0.1² + 0.4² = 0.2, σ = √(0.2 / 5) = 0.2.
        bands.Add(95.43);
        Approx.Equal(95.03, bands.Middle, 1e-15);
        Approx.Equal(0.2, bands.StandardDeviation, 1e-12);
    }

    [Fact]
    public void A_sum_of_squares_rounded_below_zero_counts_as_zero()
    {
        // Found by search: values that jump by four orders of magnitude, so that subtracting the shift is no longer
        // exact, leave the window 37.30000000000002, 37.3 (σ ≈ 1e-14) with Σ (x − mean)² ≈ −1e-13 after the fifth.
        var bands = new BollingerBands(2, 2);
        foreach (var value in new[] { 0.001, 1.0000000000000016, 0.0010000000000000005, 37.30000000000002, 37.3 })
        {
            bands.Add(value);
        }

        Assert.InRange(bands.StandardDeviation, 0, 1e-12); // NaN fails this too
        Assert.InRange(bands.Upper - bands.Lower, 0, 1e-11);
        Approx.Equal(37.3, bands.Middle, 1e-14);
    }

    [Fact]
    public void A_period_of_one_has_no_deviation()
    {
        var bands = new BollingerBands(1, 2);
        bands.Add(10);
        Assert.Equal((10.0, 0.0, 10.0, 10.0), (bands.Middle, bands.StandardDeviation, bands.Upper, bands.Lower));
        bands.Add(12.5);
        Assert.Equal((12.5, 0.0, 12.5, 12.5), (bands.Middle, bands.StandardDeviation, bands.Upper, bands.Lower));
    }

    [Fact]
    public void Reset_forgets_every_value()
    {
        var bands = new BollingerBands(2, 1);
        bands.Add(1000);
        bands.Add(-1000);
        bands.Add(500);

        bands.Reset();
        Assert.False(bands.IsReady);
        Assert.Equal(0, bands.Count);

        bands.Add(1);
        bands.Add(3);
        Assert.Equal((2.0, 1.0, 3.0, 1.0), (bands.Middle, bands.StandardDeviation, bands.Upper, bands.Lower)); // 2 ± 1·1
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-20)]
    public void A_period_below_one_is_refused(int period) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BollingerBands(period, 2));

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_negative_or_non_finite_width_is_refused(double width) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BollingerBands(20, width));

    [Fact]
    public void A_value_that_is_not_finite_is_refused_and_changes_nothing()
    {
        var bands = new BollingerBands(2, 2);
        bands.Add(1);
        bands.Add(3);

        Assert.Throws<ArgumentOutOfRangeException>(() => bands.Add(double.NaN));
        Assert.Equal((2.0, 1.0), (bands.Middle, bands.StandardDeviation));
    }

    [Theory]
    [InlineData(1, 41)]
    [InlineData(2, 42)]
    [InlineData(20, 43)]
    [InlineData(100, 44)]
    public void Agrees_with_the_two_pass_deviation_of_each_window(int period, int seed)
    {
        const double Width = 2.5;
        var closes = PriceSeries.Closes(seed, 5_000);
        var mean = NaiveIndicators.Sma(closes, period);
        var deviation = NaiveIndicators.PopulationStandardDeviation(closes, period);
        var bands = new BollingerBands(period, Width);

        for (var t = 0; t < closes.Length; t++)
        {
            bands.Add(closes[t]);
            Assert.Equal(t >= period - 1, bands.IsReady);
            if (bands.IsReady)
            {
                Approx.Equal(mean[t], bands.Middle, context: $"middle at {t}");
                Approx.Equal(deviation[t], bands.StandardDeviation, context: $"σ at {t}");
                Approx.Equal(mean[t] + Width * deviation[t], bands.Upper, context: $"upper at {t}");
                Approx.Equal(mean[t] - Width * deviation[t], bands.Lower, context: $"lower at {t}");
            }
        }
    }

    [Fact]
    public void Keeps_its_digits_at_a_price_of_a_million_with_a_spread_of_a_few_units()
    {
        // At 10⁶ the deviations are only known to about ε · 10⁶ ≈ 2e-10 even in the two-pass reference, so σ ≈ 1 is
        // compared to 1e-8. A deviation from running sums of x and x² would lose about ε · 10¹² ≈ 2e-4 to
        // cancellation; the same loop computes that one too, to show the series exposes it.
        const int Period = 20;
        var closes = PriceSeries.Closes(seed: 45, count: 5_000, start: 1e6, volatility: 1e-6);
        var deviation = NaiveIndicators.PopulationStandardDeviation(closes, Period);
        var bands = new BollingerBands(Period, 2);
        var worstSumOfSquares = 0.0;

        for (var t = 0; t < closes.Length; t++)
        {
            bands.Add(closes[t]);
            if (bands.IsReady && deviation[t] > 0.1)
            {
                Approx.Equal(deviation[t], bands.StandardDeviation, relative: 1e-8, context: $"σ at {t}");

                var window = new ArraySegment<double>(closes, t - Period + 1, Period);
                var sumOfSquares = Math.Sqrt(Math.Max(0, window.Sum(x => x * x) / Period - Math.Pow(window.Sum() / Period, 2)));
                worstSumOfSquares = Math.Max(worstSumOfSquares, Math.Abs(sumOfSquares - deviation[t]) / deviation[t]);
            }
        }

        Assert.True(worstSumOfSquares > 1e-6, $"the series does not expose cancellation: Σx² − N·mean² was within {worstSumOfSquares:E2}");
    }
}
