using System.Globalization;
using Google.Protobuf;
using Onnx;
using TradingPlatform.Forecasting.NBeats;

namespace TradingPlatform.Forecasting.Onnx;

/// <summary>
/// Writes an <see cref="NBeatsNetwork"/> as an ONNX model, so that a service can serve a network trained here with
/// ONNX Runtime (on a GPU where there is one) without this library's double-precision code.
/// <para>
/// The model takes <b>raw prices</b>, like <see cref="NBeatsForecaster"/>: input <c>input</c>, float32
/// [batch, L] (dim_param <c>batch</c>), each row the last L prices oldest first; output <c>forecast</c>, float32
/// [batch, H], the next H prices. The per-window normalization is inside the graph: each row is divided by its last
/// price (Gather of column L − 1, Div), run through the network, and the forecast multiplied back by that price (Mul).
/// The caller keeps the forecaster's check that every price is finite and above 0: the graph divides by whatever it
/// gets.
/// </para>
/// <para>
/// Between the two, the graph is the network node for node, in float32: per block application each fully connected
/// layer is a Gemm with transB = 1 (the weight initializer in the network's own [outputs, inputs] layout, and its
/// bias) followed by a Relu, the θ heads are Gemms (with a bias only in generic blocks), the identity basis is θ itself
/// and a trend or seasonality basis a MatMul by its fixed [θ, length] matrix (an initializer
/// <c>{block}.backcast_basis</c> / <c>{block}.forecast_basis</c>), the residual a Sub and the forecast sum a chain of
/// Adds in block order. Initializers carry the parameter names of <see cref="NBeatsNetwork.Parameters"/>; the
/// applications of a shared-weight block read the same ones. The last application's backcast (head, basis and
/// residual) is left out: the forecast does not depend on it, so an unshared last block's
/// <c>backcast_theta.weight</c> is the one parameter the model does not hold.
/// </para>
/// <para>
/// Opset 17 of the default domain (IR version 8), which ONNX Runtime 1.31 runs on its CPU and CUDA providers. The
/// model carries <see cref="NBeatsOnnxMetadataKeys"/> entries in <c>metadata_props</c> and the producer name
/// <see cref="ProducerName"/>. Float32 rounds the prices, the weights and every intermediate to about 7 significant
/// digits, so the forecast differs from the double-precision one by about 1e-6 of max(last price, |forecast|) for the
/// networks in the tests (at most 3e-6 measured; they hold it to 1e-5), the error growing with the values the graph
/// holds.
/// </para>
/// </summary>
public static class NBeatsOnnxExporter
{
    /// <summary>The graph input: raw prices, float32 [batch, L].</summary>
    public const string InputName = "input";

    /// <summary>The graph output: forecast prices, float32 [batch, H].</summary>
    public const string OutputName = "forecast";

    /// <summary>The opset of the default (ai.onnx) domain the graph is written in.</summary>
    public const int Opset = 17;

    /// <summary>The ONNX IR version that goes with <see cref="Opset"/> (ONNX 1.12).</summary>
    public const int IrVersion = 8;

    /// <summary>The model's <c>producer_name</c>.</summary>
    public const string ProducerName = "TradingPlatform.Forecasting";

    private const string DefaultGraphName = "nbeats";

    /// <summary>The ONNX model of <paramref name="network"/> with its current weights, serialized (protobuf bytes, as ONNX Runtime loads them).</summary>
    public static byte[] Export(NBeatsNetwork network, NBeatsOnnxMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var graph = new OnnxGraphBuilder(metadata?.Name ?? DefaultGraphName,
            $"N-BEATS ({network.Options.StackType}), {network.Lookback} raw prices in, {network.Horizon} out; each row divided by its last price and the forecast multiplied back.");
        graph.AddInput(InputName, network.Lookback);
        var lastIndex = graph.Int64Initializer("normalization.last_index", [network.Lookback - 1], 1);
        var scale = graph.Node("Gather", "normalization.scale", [InputName, lastIndex], OnnxGraphBuilder.IntAttribute("axis", 1));
        var residual = graph.Node("Div", "normalization.window", [InputName, scale]);
        var forecast = string.Empty;
        var applications = network.Applications;
        for (var a = 0; a < applications.Count; a++)
        {
            var block = applications[a];
            var prefix = $"application{a}";
            var hidden = residual;
            for (var k = 0; k < block.Layers.Count; k++)
            {
                var affine = Dense(graph, block.Layers[k], hidden, $"{prefix}.fc{k}");
                hidden = graph.Node("Relu", $"{prefix}.fc{k}.relu", [affine]);
            }

            var blockForecast = Expand(graph, block.ForecastBasis, Dense(graph, block.ForecastHead, hidden, $"{prefix}.forecast_theta"),
                $"{block.Name}.forecast_basis", $"{prefix}.forecast");
            forecast = a == 0 ? blockForecast : graph.Node("Add", $"{prefix}.forecast_sum", [forecast, blockForecast]);
            if (a < applications.Count - 1)
            {
                var backcast = Expand(graph, block.BackcastBasis, Dense(graph, block.BackcastHead, hidden, $"{prefix}.backcast_theta"),
                    $"{block.Name}.backcast_basis", $"{prefix}.backcast");
                residual = graph.Node("Sub", $"{prefix}.residual", [residual, backcast]);
            }
        }

        graph.Node("Mul", OutputName, [forecast, scale]);
        graph.AddOutput(OutputName, network.Horizon);
        return CreateModel(network, graph.Graph, metadata).ToByteArray();
    }

    /// <summary>y = x Wᵀ (+ b): Gemm with transB = 1 reads the weight in the network's [outputs, inputs] layout.</summary>
    private static string Dense(OnnxGraphBuilder graph, DenseLayer layer, string input, string output)
    {
        List<string> inputs = [input, graph.Initializer(layer.Weight)];
        if (layer.Bias is not null)
        {
            inputs.Add(graph.Initializer(layer.Bias));
        }

        return graph.Node("Gemm", output, inputs, OnnxGraphBuilder.IntAttribute("transB", 1));
    }

    /// <summary>g(θ): θ itself for the identity basis, θ · G for a fixed basis (G's row p is basis function p on the grid).</summary>
    private static string Expand(OnnxGraphBuilder graph, BlockBasis basis, string theta, string basisName, string output)
    {
        switch (basis)
        {
            case IdentityBasis:
                return theta;
            case MatrixBasis matrix:
                var values = new double[matrix.ThetaSize * matrix.Length];
                for (var p = 0; p < matrix.ThetaSize; p++)
                {
                    matrix.Row(p).CopyTo(values.AsSpan(p * matrix.Length, matrix.Length));
                }

                return graph.Node("MatMul", output, [theta, graph.FloatInitializer(basisName, values, [matrix.ThetaSize, matrix.Length])]);
            default:
                throw new NotSupportedException($"The ONNX exporter does not know the basis {basis.GetType().Name}.");
        }
    }

    private static ModelProto CreateModel(NBeatsNetwork network, GraphProto graph, NBeatsOnnxMetadata? metadata)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            ModelVersion = metadata?.Version ?? 0,
            DocString = metadata?.Description ?? string.Empty,
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = Opset });
        var options = network.Options;
        AddProperty(model, NBeatsOnnxMetadataKeys.Lookback, options.Lookback.ToString(CultureInfo.InvariantCulture));
        AddProperty(model, NBeatsOnnxMetadataKeys.Horizon, options.Horizon.ToString(CultureInfo.InvariantCulture));
        AddProperty(model, NBeatsOnnxMetadataKeys.StackType, options.StackType.ToString());
        AddProperty(model, NBeatsOnnxMetadataKeys.SharedWeights, options.ShareWeightsInStack ? "true" : "false");
        AddProperty(model, NBeatsOnnxMetadataKeys.Normalization, NBeatsOnnxMetadataKeys.LastInputNormalization);
        if (metadata?.Name is { } name)
        {
            AddProperty(model, NBeatsOnnxMetadataKeys.ModelName, name);
        }

        if (metadata?.Version is { } version)
        {
            AddProperty(model, NBeatsOnnxMetadataKeys.ModelVersion, version.ToString(CultureInfo.InvariantCulture));
        }

        return model;
    }

    private static void AddProperty(ModelProto model, string key, string value) =>
        model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
}
