using TradingPlatform.AiService.Analysis;

namespace TradingPlatform.AiService.Tests.Analysis;

public sealed class TrendMeasureTests
{
    [Fact]
    public void A_straight_rise_is_bullish_with_full_strength()
    {
        var trend = TrendMeasure.Of([10, 11, 12, 13, 14]);

        // Slope 1 a bar, R² 1; the line moves 4 over a mean close of 12: 33.33 %.
        Assert.Equal(1, trend.Slope, 12);
        Assert.Equal(1, trend.RSquared, 12);
        Assert.Equal(100.0 * 4 / 12, trend.ChangePercent, 9);
        Assert.Equal(("bullish", 1.0, 1.0), (trend.Direction, trend.Strength, trend.Score));
    }

    [Fact]
    public void A_straight_fall_is_bearish()
    {
        var trend = TrendMeasure.Of([14, 13, 12, 11, 10]);
        Assert.Equal(-100.0 * 4 / 12, trend.ChangePercent, 9);
        Assert.Equal(("bearish", -1.0), (trend.Direction, trend.Score));
    }

    [Fact]
    public void A_zigzag_is_sideways_because_the_line_explains_little()
    {
        var trend = TrendMeasure.Of([10, 12, 10, 12, 10, 12]);

        // x̄ 2.5, ȳ 11: Sxy 3, Sxx 17.5, Syy 6; slope 3/17.5, R² 9/(17.5·6) = 0.0857 < 0.3.
        Assert.Equal(3 / 17.5, trend.Slope, 12);
        Assert.Equal(9 / (17.5 * 6), trend.RSquared, 12);
        Assert.Equal(("sideways", 0.0), (trend.Direction, trend.Strength));
    }
}
