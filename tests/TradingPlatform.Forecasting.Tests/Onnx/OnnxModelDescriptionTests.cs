using Microsoft.ML.OnnxRuntime;
using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Onnx;

namespace TradingPlatform.Forecasting.Tests.Onnx;

/// <summary>What ONNX Runtime reads about an exported model: its input and output, the symbolic batch and the metadata.</summary>
public sealed class OnnxModelDescriptionTests
{
    [Theory]
    [MemberData(nameof(ExportCases.Names), MemberType = typeof(ExportCases))]
    public void The_input_is_raw_prices_and_the_output_the_forecast_both_with_a_symbolic_batch(string network)
    {
        var options = ExportCases.Networks[network];
        using var session = new InferenceSession(NBeatsOnnxExporter.Export(new NBeatsNetwork(options)));

        var input = Assert.Single(session.InputMetadata);
        Assert.Equal("input", input.Key);
        Assert.Equal(typeof(float), input.Value.ElementType);
        Assert.Equal([-1, options.Lookback], input.Value.Dimensions);
        Assert.Equal(["batch", ""], input.Value.SymbolicDimensions);
        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal("forecast", output.Key);
        Assert.Equal(typeof(float), output.Value.ElementType);
        Assert.Equal([-1, options.Horizon], output.Value.Dimensions);
        Assert.Equal(["batch", ""], output.Value.SymbolicDimensions);
    }

    [Fact]
    public void The_metadata_describes_the_network_and_the_given_name_and_version()
    {
        var network = new NBeatsNetwork(ExportCases.Networks["interpretable shared"]);
        var metadata = new NBeatsOnnxMetadata { Name = "nbeats-aapl-1d", Version = 7, Description = "AAPL daily closes" };
        using var session = new InferenceSession(NBeatsOnnxExporter.Export(network, metadata));

        var model = session.ModelMetadata;
        Assert.Equal("TradingPlatform.Forecasting", model.ProducerName);
        Assert.Equal("nbeats-aapl-1d", model.GraphName);
        Assert.Equal(7, model.Version);
        Assert.Equal("AAPL daily closes", model.Description);
        Assert.Equal(new Dictionary<string, string>
        {
            ["lookback"] = "14",
            ["horizon"] = "5",
            ["stack_type"] = "Interpretable",
            ["shared_weights"] = "true",
            ["normalization"] = "divide_by_last_input",
            ["model_name"] = "nbeats-aapl-1d",
            ["model_version"] = "7",
        }, model.CustomMetadataMap);
    }

    [Fact]
    public void Without_metadata_the_model_has_no_name_or_version_entries()
    {
        using var session = new InferenceSession(NBeatsOnnxExporter.Export(new NBeatsNetwork(ExportCases.Networks["generic"])));

        var model = session.ModelMetadata;
        Assert.Equal("TradingPlatform.Forecasting", model.ProducerName);
        Assert.Equal("nbeats", model.GraphName);
        Assert.Equal(["horizon", "lookback", "normalization", "shared_weights", "stack_type"], model.CustomMetadataMap.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Generic", model.CustomMetadataMap["stack_type"]);
        Assert.Equal("false", model.CustomMetadataMap["shared_weights"]);
    }
}
