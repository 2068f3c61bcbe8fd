using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Tests.Support;

namespace TradingPlatform.Forecasting.Tests.NBeats;

/// <summary>The seed fixes the initial weights, the shuffle and so the trained weights and losses, bit for bit.</summary>
public sealed class DeterminismTests
{
    private static readonly NBeatsOptions Options = new()
    {
        Lookback = 10, Horizon = 3, Stacks = 2, BlocksPerStack = 1, LayersPerBlock = 2, HiddenUnits = 8, Seed = 21,
    };

    private static readonly NBeatsTrainingOptions Training = new() { MaxEpochs = 4, BatchSize = 16, LearningRate = 1e-3 };

    [Fact]
    public void The_same_seed_gives_identical_initial_weights_and_another_seed_different_ones()
    {
        var first = Weights(new NBeatsNetwork(Options));
        var second = Weights(new NBeatsNetwork(Options));
        var other = Weights(new NBeatsNetwork(Options with { Seed = 22 }));

        Assert.Equal(first, second);
        Assert.Equal(first.Length, other.Length);
        Assert.NotEqual(first, other);
        Assert.True(first.Zip(other).Count(pair => pair.First != pair.Second) > first.Length * 9 / 10);
    }

    [Fact]
    public void Initial_weights_lie_within_their_initialization_bounds()
    {
        var network = new NBeatsNetwork(Options);
        foreach (var parameter in network.Parameters)
        {
            var fanIn = parameter.Name.EndsWith(".bias", StringComparison.Ordinal)
                ? network.Parameters.Single(p => p.Name == parameter.Name.Replace(".bias", ".weight", StringComparison.Ordinal)).Shape[1]
                : parameter.Shape[1];
            var limit = parameter.Name.EndsWith(".bias", StringComparison.Ordinal) ? 1 / Math.Sqrt(fanIn)
                : parameter.Name.Contains("_theta", StringComparison.Ordinal) ? Math.Sqrt(6.0 / (fanIn + parameter.Shape[0]))
                : Math.Sqrt(6.0 / fanIn);
            Assert.All(parameter.Values.ToArray(), value => Assert.InRange(Math.Abs(value), 1e-12, limit));
        }
    }

    [Fact]
    public void Training_twice_with_the_same_seed_gives_identical_weights_and_losses()
    {
        var prices = SyntheticSeries.SineWithTrend(300);
        var first = NBeatsTrainer.Train(prices, Options, Training);
        var second = NBeatsTrainer.Train(prices, Options, Training);
        var other = NBeatsTrainer.Train(prices, Options with { Seed = 22 }, Training);

        Assert.Equal(4, first.History.Count);
        Assert.Equal(first.History, second.History);
        Assert.Equal(Weights(first.Network), Weights(second.Network));
        Assert.NotEqual(Weights(new NBeatsNetwork(Options)), Weights(first.Network)); // training moved the weights
        Assert.NotEqual(first.History, other.History);
    }

    private static double[] Weights(NBeatsNetwork network) => [.. network.Parameters.SelectMany(parameter => parameter.Values.ToArray())];
}
