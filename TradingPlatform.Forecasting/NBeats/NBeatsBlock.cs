using System.Numerics.Tensors;

namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// One N-BEATS block (the paper's eq. 1–2): h₁..hₙ = ReLU(FC(·)) from the input x (L values), θᵇ = Wᵇ hₙ and
/// θᶠ = Wᶠ hₙ (plus a bias in a generic block, none with a fixed basis, as in the paper), backcast = gᵇ(θᵇ) and
/// forecast = gᶠ(θᶠ). The block owns its weights; with shared weights a stack applies one block several times, each
/// application with its own <see cref="BlockActivations"/>.
/// </summary>
internal sealed class NBeatsBlock
{
    private readonly DenseLayer[] _layers;

    public NBeatsBlock(string name, int lookback, int layers, int hiddenUnits, BlockBasis backcastBasis, BlockBasis forecastBasis, bool headBias)
    {
        Name = name;
        _layers = new DenseLayer[layers];
        for (var k = 0; k < layers; k++)
        {
            _layers[k] = new DenseLayer($"{name}.fc{k}", k == 0 ? lookback : hiddenUnits, hiddenUnits, hasBias: true);
        }

        BackcastBasis = backcastBasis;
        ForecastBasis = forecastBasis;
        BackcastHead = new DenseLayer($"{name}.backcast_theta", hiddenUnits, backcastBasis.ThetaSize, headBias);
        ForecastHead = new DenseLayer($"{name}.forecast_theta", hiddenUnits, forecastBasis.ThetaSize, headBias);
        HiddenUnits = hiddenUnits;
    }

    /// <summary>The prefix of the block's parameter names, such as <c>stack0.block1</c> or <c>trend.shared</c>.</summary>
    public string Name { get; }

    /// <summary>The fully connected ReLU layers before the θ heads, in order (read by the ONNX exporter).</summary>
    public IReadOnlyList<DenseLayer> Layers => _layers;

    public int HiddenUnits { get; }

    public DenseLayer BackcastHead { get; }

    public DenseLayer ForecastHead { get; }

    public BlockBasis BackcastBasis { get; }

    public BlockBasis ForecastBasis { get; }

    /// <summary>The block's tensors in their stable order: each layer's weight and bias, then the backcast head, then the forecast head.</summary>
    public IEnumerable<NBeatsParameterTensor> Tensors() =>
        _layers.SelectMany(layer => layer.Tensors()).Concat(BackcastHead.Tensors()).Concat(ForecastHead.Tensors());

    /// <summary>
    /// He uniform for the ReLU layers, Xavier uniform for the θ heads, PyTorch's default for every bias, drawn in
    /// <see cref="Tensors"/> order.
    /// </summary>
    public void Initialize(Random random)
    {
        foreach (var layer in _layers)
        {
            WeightInitializer.HeUniform(layer.Weight.Data, layer.Inputs, random);
            InitializeBias(layer, random);
        }

        WeightInitializer.XavierUniform(BackcastHead.Weight.Data, HiddenUnits, BackcastHead.Outputs, random);
        InitializeBias(BackcastHead, random);
        WeightInitializer.XavierUniform(ForecastHead.Weight.Data, HiddenUnits, ForecastHead.Outputs, random);
        InitializeBias(ForecastHead, random);
    }

    private static void InitializeBias(DenseLayer layer, Random random)
    {
        if (layer.Bias is not null)
        {
            WeightInitializer.Bias(layer.Bias.Data, layer.Inputs, random);
        }
    }

    public BlockActivations CreateActivations() =>
        new(_layers.Length, HiddenUnits, BackcastBasis.ThetaSize, ForecastBasis.ThetaSize, BackcastBasis.Length, ForecastBasis.Length);

    public void Forward(ReadOnlySpan<double> input, BlockActivations activations)
    {
        var previous = input;
        for (var k = 0; k < _layers.Length; k++)
        {
            var hidden = activations.Hidden[k];
            _layers[k].Forward(previous, hidden);
            TensorPrimitives.Max(hidden, 0.0, hidden);
            previous = hidden;
        }

        BackcastHead.Forward(previous, activations.BackcastTheta);
        ForecastHead.Forward(previous, activations.ForecastTheta);
        BackcastBasis.Expand(activations.BackcastTheta, activations.Backcast);
        ForecastBasis.Expand(activations.ForecastTheta, activations.Forecast);
    }

    /// <summary>
    /// Back through one application. On entry <paramref name="residualGradient"/> is ∂loss/∂(x − backcast), the
    /// gradient at the block's output residual; on return it is ∂loss/∂x, which adds the path through the block
    /// (the residual connection passes the entry gradient on unchanged). Adds the parameter gradients.
    /// </summary>
    public void Backward(ReadOnlySpan<double> input, BlockActivations activations, Span<double> residualGradient, ReadOnlySpan<double> forecastGradient)
    {
        // backcast enters the residual with a minus sign: ∂loss/∂backcast = −∂loss/∂residual
        BackcastBasis.ExpandTransposed(residualGradient, activations.BackcastThetaGradient);
        TensorPrimitives.Negate(activations.BackcastThetaGradient, activations.BackcastThetaGradient);
        ForecastBasis.ExpandTransposed(forecastGradient, activations.ForecastThetaGradient);

        var last = _layers.Length - 1;
        Span<double> hiddenGradient = activations.HiddenGradient;
        Span<double> previousGradient = activations.PreviousHiddenGradient;
        hiddenGradient.Clear();
        BackcastHead.Backward(activations.Hidden[last], activations.BackcastThetaGradient, hiddenGradient);
        ForecastHead.Backward(activations.Hidden[last], activations.ForecastThetaGradient, hiddenGradient);

        for (var k = last; k >= 0; k--)
        {
            var hidden = activations.Hidden[k];
            for (var j = 0; j < hiddenGradient.Length; j++)
            {
                if (hidden[j] <= 0)
                {
                    hiddenGradient[j] = 0; // ReLU was off: no gradient through unit j
                }
            }

            if (k == 0)
            {
                _layers[0].Backward(input, hiddenGradient, residualGradient);
            }
            else
            {
                previousGradient.Clear();
                _layers[k].Backward(activations.Hidden[k - 1], hiddenGradient, previousGradient);
                var swap = hiddenGradient;
                hiddenGradient = previousGradient;
                previousGradient = swap;
            }
        }
    }
}
