using TradingPlatform.AiService.Analysis;

namespace TradingPlatform.AiService.Tests.Analysis;

public sealed class PivotsTests
{
    [Fact]
    public void A_swing_high_or_low_is_strictly_beyond_every_neighbour_within_the_width()
    {
        var bars = Series.Of((10, 9, 9.5), (12, 10, 11), (11, 8, 9), (13, 9.5, 12), (12, 10, 11));

        var pivots = Pivots.Find(bars, 1);

        // Bar 1: high 12 > 10 and 11; bar 2: low 8 < 10 and 9.5; bar 3: high 13 > 11 and 12. Bars 0 and 4 have no full neighbourhood.
        Assert.Equal([new Pivot(1, 12, PivotKind.High), new Pivot(2, 8, PivotKind.Low), new Pivot(3, 13, PivotKind.High)], pivots);
    }

    [Fact]
    public void A_wider_neighbourhood_keeps_only_the_dominant_swing()
    {
        var bars = Series.Of((10, 9, 9.5), (12, 10, 11), (11, 8, 9), (13, 9.5, 12), (12, 10, 11));

        // Width 2: only bar 2 has two bars each side; its low 8 is below 9, 10, 9.5, 10; its high 11 is not a high.
        Assert.Equal([new Pivot(2, 8, PivotKind.Low)], Pivots.Find(bars, 2));
    }

    [Fact]
    public void Equal_highs_are_not_a_swing()
    {
        var bars = Series.Of((10, 9, 9.5), (12, 10, 11), (12, 10.5, 11));
        Assert.Empty(Pivots.Find(bars, 1));
    }

    [Fact]
    public void Pivot_prices_within_the_tolerance_of_their_group_mean_cluster_into_one_level()
    {
        Pivot[] pivots = [new(0, 100, PivotKind.Low), new(5, 100.2, PivotKind.High), new(7, 103, PivotKind.High), new(9, 100.1, PivotKind.Low)];

        var levels = Pivots.Cluster(pivots, 0.005);

        // Sorted 100, 100.1, 100.2 (each within 0.5 % of the running mean 100, 100.05), then 103 (2.9 from 100.1).
        Assert.Equal(2, levels.Count);
        Assert.Equal(100.1, levels[0].Price, 9);
        Assert.Equal((3, 0, 9), (levels[0].Touches, levels[0].FirstIndex, levels[0].LastIndex));
        Assert.Equal(new PriceLevel(103, 1, 7, 7), levels[1]);
    }
}
