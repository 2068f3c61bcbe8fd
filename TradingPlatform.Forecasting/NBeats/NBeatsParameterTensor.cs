namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// One weight or bias of the network: a flat row-major array with its name and shape. A layer's weight has the shape
/// [outputs, inputs] (PyTorch's <c>nn.Linear</c> layout: output j is Σᵢ W[j, i] · x[i] + b[j]), a bias [outputs], so
/// that an exporter can write them as initializers unchanged. The gradient lives beside the values, same length.
/// </summary>
public sealed class NBeatsParameterTensor
{
    private readonly int[] _shape;

    internal NBeatsParameterTensor(string name, params int[] shape)
    {
        Name = name;
        _shape = shape;
        var length = 1;
        foreach (var dimension in shape)
        {
            length *= dimension;
        }

        Data = new double[length];
        Gradient = new double[length];
    }

    /// <summary>A stable, unique name such as <c>stack0.block1.fc0.weight</c> or <c>trend.block0.forecast_theta.weight</c>.</summary>
    public string Name { get; }

    public IReadOnlyList<int> Shape => _shape;

    public int Length => Data.Length;

    public ReadOnlySpan<double> Values => Data;

    /// <summary>The values the network computes with; the trainer and the optimizer write them in place.</summary>
    internal double[] Data { get; }

    /// <summary>∂loss/∂value, accumulated by the backward pass until cleared.</summary>
    internal double[] Gradient { get; }

    /// <summary>Replaces the values, as when loading a stored model; every value must be finite.</summary>
    public void CopyFrom(ReadOnlySpan<double> values)
    {
        if (values.Length != Data.Length)
        {
            throw new ArgumentException($"{Name} holds {Data.Length} values (shape [{string.Join(", ", _shape)}]); {values.Length} were given.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{Name}[{i}] is {values[i]}; parameters must be finite.", nameof(values));
            }
        }

        values.CopyTo(Data);
    }
}
