using Onnx;
using TradingPlatform.Forecasting.NBeats;

namespace TradingPlatform.Forecasting.Onnx;

/// <summary>
/// Appends nodes, initializers and float32 inputs and outputs with a symbolic batch dimension to an ONNX
/// <see cref="GraphProto"/>, so that <see cref="NBeatsOnnxExporter"/> reads as the network's layout rather than as
/// protobuf plumbing. A parameter is written once however many nodes read it, which is how the applications of a
/// shared-weight block end up reading the same initializers.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    /// <summary>The dim_param of the first dimension of the graph's input and output: any number of rows per run.</summary>
    public const string BatchDimension = "batch";

    private readonly HashSet<string> _initializers = new(StringComparer.Ordinal);

    public OnnxGraphBuilder(string name, string docString) => Graph = new GraphProto { Name = name, DocString = docString };

    public GraphProto Graph { get; }

    /// <summary>A float32 graph input of shape [batch, <paramref name="columns"/>].</summary>
    public void AddInput(string name, int columns) => Graph.Input.Add(BatchMatrix(name, columns));

    /// <summary>A float32 graph output of shape [batch, <paramref name="columns"/>].</summary>
    public void AddOutput(string name, int columns) => Graph.Output.Add(BatchMatrix(name, columns));

    /// <summary>The parameter as a float32 initializer of its own name and shape, written on first use; returns its name.</summary>
    public string Initializer(NBeatsParameterTensor parameter) =>
        FloatInitializer(parameter.Name, parameter.Values, parameter.Shape);

    /// <summary>A float32 initializer (values row-major), written on first use of the name; returns the name.</summary>
    public string FloatInitializer(string name, ReadOnlySpan<double> values, IReadOnlyList<int> shape)
    {
        if (!_initializers.Add(name))
        {
            return name;
        }

        var tensor = NewTensor(name, TensorProto.Types.DataType.Float, shape);
        var floats = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            floats[i] = (float)values[i];
            if (!float.IsFinite(floats[i]))
            {
                throw new InvalidOperationException($"{name}[{i}] is {values[i]}, which float32 cannot hold; the model cannot be exported.");
            }
        }

        tensor.FloatData.Add(floats);
        Graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>An int64 initializer (indices for Gather), written on first use of the name; returns the name.</summary>
    public string Int64Initializer(string name, long[] values, params int[] shape)
    {
        if (_initializers.Add(name))
        {
            var tensor = NewTensor(name, TensorProto.Types.DataType.Int64, shape);
            tensor.Int64Data.Add(values);
            Graph.Initializer.Add(tensor);
        }

        return name;
    }

    /// <summary>Appends a node of the default (ai.onnx) domain with one output, named like that output; returns the output's name.</summary>
    public string Node(string opType, string output, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = output };
        node.Input.Add(inputs);
        node.Output.Add(output);
        node.Attribute.Add(attributes);
        Graph.Node.Add(node);
        return output;
    }

    public static AttributeProto IntAttribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static TensorProto NewTensor(string name, TensorProto.Types.DataType dataType, IReadOnlyList<int> shape)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)dataType };
        foreach (var dimension in shape)
        {
            tensor.Dims.Add(dimension);
        }

        return tensor;
    }

    private static ValueInfoProto BatchMatrix(string name, int columns)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = BatchDimension });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = columns });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
