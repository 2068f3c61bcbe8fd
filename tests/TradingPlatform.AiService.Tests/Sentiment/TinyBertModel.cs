using Google.Protobuf;
using Onnx;

namespace TradingPlatform.AiService.Tests.Sentiment;

/// <summary>
/// A tiny model with FinBERT's interface, written with OnnxSharp's protobuf classes: token embeddings gathered by
/// input_ids plus type embeddings gathered by token_type_ids, averaged over attention_mask, then a MatMul and bias to
/// the logits. <see cref="Logits"/> computes the same in double, independently of ONNX Runtime.
/// </summary>
internal static class TinyBertModel
{
    public const int Hidden = 4;

    /// <summary>The vocabulary, one token a line, ids from 0.</summary>
    public static readonly string[] Vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "profit", "rises", "falls", "loss", "flat", "shares", "the"];

    public static float[,] TokenEmbeddings { get; } = Build(Vocabulary.Length, Hidden, (i, j) => (float)Math.Sin((i * 1.7) + (j * 0.9)));

    public static float[,] TypeEmbeddings { get; } = Build(2, Hidden, (i, j) => 0.1f * (i + 1) * (j - 1.5f));

    public static float[,] Projection(int classes) => Build(Hidden, classes, (i, j) => (float)Math.Cos((i * 2.3) - (j * 1.1)) * 2);

    public static float[] Bias(int classes) => Enumerable.Range(0, classes).Select(c => 0.05f * (c - 1)).ToArray();

    public static byte[] Build(string idsName = "input_ids", int classes = 3)
    {
        var graph = new GraphProto { Name = "tiny-bert" };
        graph.Input.Add(Int64Matrix(idsName));
        graph.Input.Add(Int64Matrix("attention_mask"));
        graph.Input.Add(Int64Matrix("token_type_ids"));
        graph.Output.Add(FloatOutput("logits", classes));
        graph.Initializer.Add(Floats("E", TokenEmbeddings));
        graph.Initializer.Add(Floats("T", TypeEmbeddings));
        graph.Initializer.Add(Floats("W", Projection(classes)));
        graph.Initializer.Add(Floats("b", Bias(classes)));
        graph.Initializer.Add(Int64s("axis2", 2));
        graph.Initializer.Add(Int64s("axis1", 1));
        Node(graph, "Gather", "tokens", "E", idsName);
        Node(graph, "Gather", "types", "T", "token_type_ids");
        Node(graph, "Add", "embedded", "tokens", "types");
        Node(graph, "Cast", "maskf", [new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)TensorProto.Types.DataType.Float }], "attention_mask");
        Node(graph, "Unsqueeze", "mask3", "maskf", "axis2");
        Node(graph, "Mul", "masked", "embedded", "mask3");
        Node(graph, "ReduceSum", "total", [new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 0 }], "masked", "axis1");
        Node(graph, "ReduceSum", "count", [new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 1 }], "maskf", "axis1");
        Node(graph, "Div", "mean", "total", "count");
        Node(graph, "MatMul", "projected", "mean", "W");
        Node(graph, "Add", "logits", "projected", "b");
        var model = new ModelProto { IrVersion = 8, ProducerName = "TradingPlatform.AiService.Tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        return model.ToByteArray();
    }

    /// <summary>The logits in double: mean over the row's tokens of E[id] + T[0], times W, plus b.</summary>
    public static double[] Logits(IReadOnlyList<int> ids, int classes = 3)
    {
        var mean = new double[Hidden];
        foreach (var id in ids)
        {
            for (var h = 0; h < Hidden; h++)
            {
                mean[h] += (TokenEmbeddings[id, h] + (double)TypeEmbeddings[0, h]) / ids.Count;
            }
        }

        var w = Projection(classes);
        var b = Bias(classes);
        return Enumerable.Range(0, classes).Select(c => b[c] + Enumerable.Range(0, Hidden).Sum(h => mean[h] * w[h, c])).ToArray();
    }

    private static float[,] Build(int rows, int columns, Func<int, int, float> value)
    {
        var matrix = new float[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                matrix[i, j] = value(i, j);
            }
        }

        return matrix;
    }

    private static void Node(GraphProto graph, string op, string output, params string[] inputs) => Node(graph, op, output, [], inputs);

    private static void Node(GraphProto graph, string op, string output, AttributeProto[] attributes, params string[] inputs)
    {
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.Add(inputs);
        node.Output.Add(output);
        node.Attribute.Add(attributes);
        graph.Node.Add(node);
    }

    private static TensorProto Floats(string name, float[,] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.Add(values.GetLength(0));
        tensor.Dims.Add(values.GetLength(1));
        tensor.FloatData.Add(values.Cast<float>());
        return tensor;
    }

    private static TensorProto Floats(string name, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.Add(values.Length);
        tensor.FloatData.Add(values);
        return tensor;
    }

    private static TensorProto Int64s(string name, params long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.Add(values);
        return tensor;
    }

    private static ValueInfoProto Int64Matrix(string name)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "sequence" });
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Int64, Shape = shape } } };
    }

    private static ValueInfoProto FloatOutput(string name, int classes)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = classes });
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } } };
    }
}
