using TradingPlatform.Trading.Optimization;
using static TradingPlatform.Trading.Tests.Optimization.OptimizationFixtures;

namespace TradingPlatform.Trading.Tests.Optimization;

public sealed class ParameterGridTests
{
    [Fact]
    public void Expands_the_cartesian_product_with_the_first_parameter_slowest()
    {
        var grid = new ParameterGrid(Sma, [ParameterRange.List("fast", 5, 3), ParameterRange.Range("slow", 10, 30, 10)]);

        var expansion = grid.Expand();

        Assert.Equal([(5.0, 10.0), (5, 20), (5, 30), (3, 10), (3, 20), (3, 30)], expansion.Combinations.Select(c => (c["fast"], c["slow"])));
        Assert.Equal([0, 1, 2, 3, 4, 5], expansion.Combinations.Select(c => c.Index));
        // Parameters the grid does not vary take the algorithm's defaults.
        Assert.All(expansion.Combinations, c => Assert.Equal(0, c["allowShort"]));
        Assert.Equal((6, 0), (expansion.Total, expansion.Skipped));
    }

    [Fact]
    public void Invalid_combinations_are_skipped_and_counted_not_errors()
    {
        var grid = new ParameterGrid(Sma, [ParameterRange.Range("fast", 5, 20, 5), ParameterRange.Range("slow", 10, 20, 5)]);

        var expansion = grid.Expand();

        // slow must exceed fast: of 4 × 3 points, (10,10) (15,10) (15,15) (20,10) (20,15) (20,20) are refused.
        Assert.Equal((12, 6), (expansion.Total, expansion.Skipped));
        Assert.All(expansion.Combinations, c => Assert.True(c["slow"] > c["fast"]));
        Assert.Equal([0, 1, 2, 3, 4, 5], expansion.Combinations.Select(c => c.Index));
        Assert.Equal("slow", Assert.Single(expansion.FirstSkipReason).Parameter);
    }

    [Fact]
    public void A_range_is_stepped_in_decimal_so_values_are_the_ones_asked_for()
    {
        var width = ParameterRange.Range("width", 0.1, 0.5, 0.1);

        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5], width.Values());
        Assert.Equal([1.0, 1.25, 1.5], ParameterRange.Range("w", 1, 1.6, 0.25).Values());
    }

    [Fact]
    public void More_combinations_than_the_limit_is_an_error_naming_the_count_and_the_limit()
    {
        var failure = Assert.Throws<ArgumentException>(() =>
            new ParameterGrid(Sma, [ParameterRange.Range("fast", 1, 100, 1), ParameterRange.Range("slow", 2, 200, 1)]));

        Assert.StartsWith(
            "The grid has 19,900 combinations (100 fast × 199 slow), more than the limit of 10,000: narrow a range, widen a step or list fewer values.",
            failure.Message, StringComparison.Ordinal);
        Assert.Equal(6, new ParameterGrid(Sma, [ParameterRange.List("fast", 1, 2), ParameterRange.List("slow", 3, 4, 5)], maxCombinations: 6).Count);
        Assert.Throws<ArgumentException>(() => new ParameterGrid(Sma, [ParameterRange.List("fast", 1, 2), ParameterRange.List("slow", 3, 4, 5)], maxCombinations: 5));
    }

    [Theory]
    [InlineData("fast", 0.0, "Grid value 0 of 'fast' is not allowed: fast must be between 1 and 1000; it was 0.")]
    [InlineData("fast", 2.5, "Grid value 2.5 of 'fast' is not allowed: fast must be a whole number.")]
    [InlineData("allowShort", 2.0, "Grid value 2 of 'allowShort' is not allowed: allowShort is true or false.")]
    public void Every_value_must_lie_inside_the_parameters_spec(string name, double value, string message)
    {
        var failure = Assert.Throws<ArgumentException>(() => new ParameterGrid(Sma, [ParameterRange.List(name, 1, value)]));

        Assert.StartsWith(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_repeated_or_malformed_parameters_are_errors()
    {
        Assert.StartsWith("sma_crossover has no parameter 'period'",
            Assert.Throws<ArgumentException>(() => new ParameterGrid(Sma, [ParameterRange.List("period", 5)])).Message, StringComparison.Ordinal);
        Assert.StartsWith("'fast' appears twice",
            Assert.Throws<ArgumentException>(() => new ParameterGrid(Sma, [ParameterRange.List("fast", 5), ParameterRange.List("FAST", 6)])).Message, StringComparison.Ordinal);
        Assert.StartsWith("The step of 'fast' must be greater than zero",
            Assert.Throws<ArgumentException>(() => new ParameterGrid(Sma, [ParameterRange.Range("fast", 1, 5, 0)])).Message, StringComparison.Ordinal);
        Assert.StartsWith("The range of 'fast' runs from 9 to 5",
            Assert.Throws<ArgumentException>(() => new ParameterGrid(Sma, [ParameterRange.Range("fast", 9, 5, 1)])).Message, StringComparison.Ordinal);
        Assert.StartsWith("'fast' is both swept and fixed",
            Assert.Throws<ArgumentException>(() => new ParameterGrid(Sma, [ParameterRange.List("fast", 5)], new Dictionary<string, double> { ["fast"] = 3 })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixed_values_apply_to_every_combination()
    {
        var grid = new ParameterGrid(Sma, [ParameterRange.List("fast", 3, 5)], new Dictionary<string, double> { ["slow"] = 40, ["allowShort"] = 1 });

        Assert.All(grid.Expand().Combinations, c => Assert.Equal((40.0, 1.0), (c["slow"], c["allowShort"])));
    }
}
