using Onnx;
using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Onnx;

namespace TradingPlatform.Forecasting.Tests.Onnx;

/// <summary>
/// The exported protobuf itself: opset and IR version, initializers named and valued as the network's parameters
/// (in float32), one initializer per shared weight read by every application, and the raw-price normalization.
/// </summary>
public sealed class OnnxGraphLayoutTests
{
    [Fact]
    public void The_model_is_opset_17_of_the_default_domain_at_ir_version_8()
    {
        var model = ModelProto.Parser.ParseFrom(NBeatsOnnxExporter.Export(new NBeatsNetwork(ExportCases.Networks["generic"])));

        Assert.Equal(8, model.IrVersion);
        var opset = Assert.Single(model.OpsetImport);
        Assert.Equal(string.Empty, opset.Domain);
        Assert.Equal(17, opset.Version);
    }

    [Theory]
    [MemberData(nameof(ExportCases.Names), MemberType = typeof(ExportCases))]
    public void Every_parameter_the_forecast_reads_is_one_initializer_with_its_name_shape_and_float32_values(string name)
    {
        var network = new NBeatsNetwork(ExportCases.Networks[name]);
        var graph = ModelProto.Parser.ParseFrom(NBeatsOnnxExporter.Export(network)).Graph;
        var initializers = graph.Initializer.ToDictionary(tensor => tensor.Name, StringComparer.Ordinal);

        // an unshared last block's backcast head feeds only the final residual, which the forecast does not read
        var lastBlock = network.Options.ShareWeightsInStack ? null : network.Applications[^1].Name + ".backcast_theta.";
        var expected = network.Parameters.Where(parameter => lastBlock is null || !parameter.Name.StartsWith(lastBlock, StringComparison.Ordinal)).ToList();
        Assert.Equal(graph.Initializer.Count, initializers.Count);
        foreach (var parameter in expected)
        {
            var tensor = initializers[parameter.Name];
            Assert.Equal((int)TensorProto.Types.DataType.Float, tensor.DataType);
            Assert.Equal(parameter.Shape.Select(dimension => (long)dimension), tensor.Dims);
            Assert.Equal(parameter.Values.ToArray().Select(value => (float)value), tensor.FloatData);
        }

        var others = initializers.Keys.Except(expected.Select(parameter => parameter.Name)).Order(StringComparer.Ordinal).ToList();
        Assert.All(others, other => Assert.True(other == "normalization.last_index" || other.EndsWith("_basis", StringComparison.Ordinal), other));
    }

    [Fact]
    public void The_applications_of_a_shared_block_read_the_same_initializers()
    {
        var options = ExportCases.Networks["interpretable shared"];
        var graph = ModelProto.Parser.ParseFrom(NBeatsOnnxExporter.Export(new NBeatsNetwork(options))).Graph;

        var readers = graph.Node.SelectMany(node => node.Input).GroupBy(input => input, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        Assert.Equal(options.TrendBlocks, readers["trend.shared.fc0.weight"]);
        Assert.Equal(options.TrendBlocks, readers["trend.shared.forecast_basis"]);
        Assert.Equal(options.SeasonalityBlocks, readers["seasonality.shared.fc1.bias"]);
        // the backcast of the very last application is not computed
        Assert.Equal(options.SeasonalityBlocks - 1, readers["seasonality.shared.backcast_theta.weight"]);
        Assert.Equal(options.TrendBlocks, readers["trend.shared.backcast_basis"]);
    }

    [Fact]
    public void The_graph_divides_each_row_by_its_last_price_and_multiplies_the_forecast_back()
    {
        var options = ExportCases.Networks["generic"];
        var graph = ModelProto.Parser.ParseFrom(NBeatsOnnxExporter.Export(new NBeatsNetwork(options))).Graph;

        var gather = graph.Node.Single(node => node.OpType == "Gather");
        Assert.Equal(["input", "normalization.last_index"], gather.Input);
        Assert.Equal(1, Assert.Single(gather.Attribute).I);
        Assert.Equal([options.Lookback - 1L], graph.Initializer.Single(tensor => tensor.Name == "normalization.last_index").Int64Data);
        Assert.Equal(["input", gather.Output[0]], graph.Node.Single(node => node.OpType == "Div").Input);
        var last = graph.Node[^1];
        Assert.Equal("Mul", last.OpType);
        Assert.Equal(["forecast"], last.Output);
        Assert.Equal(gather.Output[0], last.Input[1]);
    }
}
