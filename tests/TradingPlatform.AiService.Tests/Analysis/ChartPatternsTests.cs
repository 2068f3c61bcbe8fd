using TradingPlatform.AiService.Analysis;

namespace TradingPlatform.AiService.Tests.Analysis;

public sealed class ChartPatternsTests
{
    private static IReadOnlyList<ChartPattern> Patterns(List<PriceBar> bars)
    {
        var pivots = Pivots.Find(bars, 1);
        return ChartPatterns.Find(bars, pivots, Pivots.Cluster(pivots, 0.0025), 0.0025, 0.005);
    }

    [Fact]
    public void Two_equal_highs_over_a_deep_low_with_the_close_below_are_a_double_top()
    {
        // Highs 102 and 102.1 differ by 0.1 ≤ 0.25 % of 102.1; the low 98 between is ≥ 0.5 % under 102; close 99.2 < 102.
        var pattern = Assert.Single(Patterns(Series.DoubleTop()));
        Assert.Equal(("double_top", 1, 3, -1), (pattern.Name, pattern.StartIndex, pattern.EndIndex, pattern.Bias));
        Assert.Contains("neckline 98", pattern.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_equal_lows_under_a_high_with_the_close_above_are_a_double_bottom()
    {
        var pattern = Assert.Single(Patterns(Series.DoubleBottom()));
        Assert.Equal(("double_bottom", 1, 3, 1), (pattern.Name, pattern.StartIndex, pattern.EndIndex, pattern.Bias));
    }

    [Fact]
    public void Rising_highs_and_rising_lows_are_an_ascending_channel()
    {
        // Highs 101 → 102 (bars 1, 3), lows 99.2 → 99.8 (bars 2, 4): spans bars 1 to 4.
        var pattern = Assert.Single(Patterns(Series.Rising()));
        Assert.Equal(("higher_highs_higher_lows", 1, 4, 1), (pattern.Name, pattern.StartIndex, pattern.EndIndex, pattern.Bias));
    }

    [Fact]
    public void A_close_above_a_twice_touched_level_that_was_below_it_within_three_bars_is_a_breakout()
    {
        var patterns = Patterns(Series.Breakout());

        // The level of 105 and 105.1 (mean 105.05, bars 1 and 3); close 105.9 above it, closes 104.6, 103, 104.8 before were not.
        // The highs 105 → 105.1 and lows 102 → 102.8 also rise; no double top, since the close is above the highs.
        Assert.Equal(["higher_highs_higher_lows", "breakout_resistance"], patterns.Select(p => p.Name));
        var breakout = patterns[1];
        Assert.Equal((1, 6, 1), (breakout.StartIndex, breakout.EndIndex, breakout.Bias));
        Assert.Contains("resistance 105.05 (2 touches)", breakout.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Mirrored_breakout_series_is_a_breakdown_below_support()
    {
        // The breakout series reflected around 200: lows 95 and 94.9, close 94.1 below their mean 94.95.
        var bars = Series.Breakout().Select(b => b with { High = 200 - b.Low, Low = 200 - b.High, Close = 200 - b.Close }).ToList();
        var patterns = Patterns(bars);
        Assert.Equal(["lower_highs_lower_lows", "breakdown_support"], patterns.Select(p => p.Name));
        Assert.Equal((1, 6, -1), (patterns[1].StartIndex, patterns[1].EndIndex, patterns[1].Bias));
    }
}
