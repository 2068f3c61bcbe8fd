using System.Numerics.Tensors;

namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// A fully connected layer y = W x (+ b), W of shape [outputs, inputs] row-major. The activation (ReLU for the hidden
/// layers, none for the θ heads) is the block's business; this type only does the affine map and its gradients.
/// </summary>
internal sealed class DenseLayer
{
    public DenseLayer(string name, int inputs, int outputs, bool hasBias)
    {
        Inputs = inputs;
        Outputs = outputs;
        Weight = new NBeatsParameterTensor(name + ".weight", outputs, inputs);
        Bias = hasBias ? new NBeatsParameterTensor(name + ".bias", outputs) : null;
    }

    public int Inputs { get; }

    public int Outputs { get; }

    public NBeatsParameterTensor Weight { get; }

    public NBeatsParameterTensor? Bias { get; }

    public void Forward(ReadOnlySpan<double> input, Span<double> output)
    {
        var weights = Weight.Data;
        for (var j = 0; j < Outputs; j++)
        {
            output[j] = TensorPrimitives.Dot(weights.AsSpan(j * Inputs, Inputs), input);
        }

        if (Bias is not null)
        {
            TensorPrimitives.Add(output, Bias.Data, output);
        }
    }

    /// <summary>
    /// Given ∂loss/∂y, adds ∂loss/∂W = (∂loss/∂y) xᵀ and ∂loss/∂b = ∂loss/∂y to the parameter gradients and adds
    /// ∂loss/∂x = Wᵀ (∂loss/∂y) to <paramref name="inputGradient"/> (the caller clears it, or not, to sum paths).
    /// </summary>
    public void Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> outputGradient, Span<double> inputGradient)
    {
        var weights = Weight.Data;
        var weightGradient = Weight.Gradient;
        for (var j = 0; j < Outputs; j++)
        {
            var g = outputGradient[j];
            if (g == 0)
            {
                continue; // a ReLU that was off, or an exact zero: nothing to add
            }

            var gradientRow = weightGradient.AsSpan(j * Inputs, Inputs);
            TensorPrimitives.MultiplyAdd(input, g, gradientRow, gradientRow);
            TensorPrimitives.MultiplyAdd(weights.AsSpan(j * Inputs, Inputs), g, inputGradient, inputGradient);
        }

        if (Bias is not null)
        {
            TensorPrimitives.Add(Bias.Gradient, outputGradient, Bias.Gradient);
        }
    }

    /// <summary>The layer's tensors in their stable order: weight, then bias.</summary>
    public IEnumerable<NBeatsParameterTensor> Tensors()
    {
        yield return Weight;
        if (Bias is not null)
        {
            yield return Bias;
        }
    }
}
