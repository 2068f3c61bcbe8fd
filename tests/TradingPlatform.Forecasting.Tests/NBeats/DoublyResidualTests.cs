using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Tests.Support;

namespace TradingPlatform.Forecasting.Tests.NBeats;

/// <summary>The forward pass: shapes, and the doubly residual rule that ties the blocks together.</summary>
public sealed class DoublyResidualTests
{
    private static readonly NBeatsOptions Generic = new()
    {
        Lookback = 5, Horizon = 3, Stacks = 2, BlocksPerStack = 2, LayersPerBlock = 2, HiddenUnits = 6, Seed = 3,
    };

    private static readonly NBeatsOptions Interpretable = new()
    {
        Lookback = 8, Horizon = 4, StackType = NBeatsStackType.Interpretable,
        TrendBlocks = 2, TrendLayers = 2, TrendHiddenUnits = 5, SeasonalityBlocks = 2, SeasonalityLayers = 2, SeasonalityHiddenUnits = 5, Seed = 4,
    };

    public static TheoryData<string> Networks => ["generic", "interpretable"];

    [Theory]
    [MemberData(nameof(Networks))]
    public void The_forecast_is_the_sum_of_the_block_forecasts_and_the_residual_the_input_minus_every_backcast(string kind)
    {
        var network = new NBeatsNetwork(kind == "generic" ? Generic : Interpretable);
        var input = SyntheticSeries.Uniform(network.Lookback, 0.9, 1.1, seed: 5);
        var forecast = new double[network.Horizon];
        var workspace = network.CreateWorkspace();
        network.Forward(input, forecast, workspace);

        var blocks = workspace.Blocks;
        Assert.Equal(4, blocks.Length);
        for (var i = 0; i < network.Horizon; i++)
        {
            Assert.Equal(blocks.Sum(block => block.Forecast[i]), forecast[i], 1e-12);
        }

        var finalResidual = workspace.Residuals[^1];
        for (var i = 0; i < network.Lookback; i++)
        {
            Assert.Equal(input[i] - blocks.Sum(block => block.Backcast[i]), finalResidual[i], 1e-12);
        }

        Assert.All(blocks, block => Assert.Contains(block.Backcast, value => value != 0));
    }

    [Fact]
    public void Each_block_reads_the_residual_its_predecessor_left()
    {
        var network = new NBeatsNetwork(Generic);
        var input = SyntheticSeries.Uniform(network.Lookback, 0.9, 1.1, seed: 6);
        var workspace = network.CreateWorkspace();
        network.Forward(input, new double[network.Horizon], workspace);

        Assert.Equal(input, workspace.Residuals[0]);
        for (var a = 0; a < network.Applications.Count; a++)
        {
            var alone = network.Applications[a].CreateActivations();
            network.Applications[a].Forward(workspace.Residuals[a], alone);
            Assert.Equal(alone.Backcast, workspace.Blocks[a].Backcast);
            Assert.Equal(alone.Forecast, workspace.Blocks[a].Forecast);
            var expected = workspace.Residuals[a].Zip(alone.Backcast, (x, backcast) => x - backcast);
            Assert.Equal(expected, workspace.Residuals[a + 1]);
        }
    }

    [Fact]
    public void A_batch_gives_the_forecasts_of_its_windows_one_by_one()
    {
        var network = new NBeatsNetwork(Generic);
        const int batch = 4;
        var inputs = SyntheticSeries.Uniform(batch * network.Lookback, 0.9, 1.1, seed: 7);
        var forecasts = new double[batch * network.Horizon];
        network.ForwardBatch(inputs, forecasts);

        for (var n = 0; n < batch; n++)
        {
            var single = new double[network.Horizon];
            network.Forward(inputs.AsSpan(n * network.Lookback, network.Lookback), single);
            Assert.Equal(single, forecasts.AsSpan(n * network.Horizon, network.Horizon).ToArray());
        }
    }

    [Fact]
    public void Forward_refuses_buffers_of_the_wrong_length()
    {
        var network = new NBeatsNetwork(Generic);
        var tooShort = Assert.Throws<ArgumentException>(() => network.Forward(new double[4], new double[3]));
        Assert.Contains("must hold 5 (the lookback)", tooShort.Message, StringComparison.Ordinal);
        var wrongHorizon = Assert.Throws<ArgumentException>(() => network.Forward(new double[5], new double[2]));
        Assert.Contains("must hold 3 (the horizon)", wrongHorizon.Message, StringComparison.Ordinal);
        var ragged = Assert.Throws<ArgumentException>(() => network.ForwardBatch(new double[7], new double[3]));
        Assert.Contains("not a whole number of windows", ragged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_come_in_a_stable_order_with_their_shapes()
    {
        var network = new NBeatsNetwork(Generic with { Stacks = 1, BlocksPerStack = 1 });
        Assert.Equal(
            ["stack0.block0.fc0.weight", "stack0.block0.fc0.bias", "stack0.block0.fc1.weight", "stack0.block0.fc1.bias",
             "stack0.block0.backcast_theta.weight", "stack0.block0.backcast_theta.bias",
             "stack0.block0.forecast_theta.weight", "stack0.block0.forecast_theta.bias"],
            network.Parameters.Select(parameter => parameter.Name));
        Assert.Equal([6, 5], network.Parameters[0].Shape);
        Assert.Equal([6, 6], network.Parameters[2].Shape);
        Assert.Equal([5, 6], network.Parameters[4].Shape);
        Assert.Equal([3], network.Parameters[7].Shape);
    }

    [Fact]
    public void Shared_weights_give_one_block_per_stack_applied_as_often_as_configured()
    {
        var network = new NBeatsNetwork(Interpretable with { ShareWeightsInStack = true, TrendBlocks = 3 });
        Assert.Equal(5, network.Applications.Count);
        Assert.Equal(2, network.Applications.Distinct().Count());
        Assert.Same(network.Applications[0], network.Applications[2]);
        Assert.All(network.Parameters, parameter => Assert.Contains(".shared.", parameter.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Loaded_parameters_change_the_forecast_and_refuse_the_wrong_length()
    {
        var network = new NBeatsNetwork(Generic);
        var input = SyntheticSeries.Uniform(network.Lookback, 0.9, 1.1, seed: 8);
        var before = new double[network.Horizon];
        network.Forward(input, before);

        var bias = network.Parameters.Single(parameter => parameter.Name == "stack1.block1.forecast_theta.bias");
        var shifted = bias.Values.ToArray().Select(value => value + 1).ToArray();
        bias.CopyFrom(shifted);
        var after = new double[network.Horizon];
        network.Forward(input, after);

        Assert.Equal(shifted, bias.Values.ToArray());
        for (var i = 0; i < network.Horizon; i++)
        {
            Assert.Equal(before[i] + 1, after[i], 1e-12);
        }

        var wrong = Assert.Throws<ArgumentException>(() => bias.CopyFrom(new double[2]));
        Assert.Contains("holds 3 values", wrong.Message, StringComparison.Ordinal);
        var nan = Assert.Throws<ArgumentException>(() => bias.CopyFrom([0, double.NaN, 0]));
        Assert.Contains("[1] is NaN", nan.Message, StringComparison.Ordinal);
    }
}
