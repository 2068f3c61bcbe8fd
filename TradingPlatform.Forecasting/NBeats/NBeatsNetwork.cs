using System.Numerics.Tensors;

namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// An N-BEATS network (Oreshkin et al., ICLR 2020) in double precision, on normalized windows (see
/// <see cref="NBeatsForecaster"/> for prices). Doubly residual stacking: x₀ is the input (L values), block l reads
/// xₗ₋₁ and leaves xₗ = xₗ₋₁ − backcastₗ to the next, and the forecast (H values) is Σₗ forecastₗ over all blocks of
/// all stacks. Generic: <see cref="NBeatsOptions.Stacks"/> × <see cref="NBeatsOptions.BlocksPerStack"/> blocks with
/// an identity basis; interpretable: a trend stack then a seasonality stack. The weights start from
/// <see cref="NBeatsOptions.Seed"/>. Not thread-safe: <see cref="Forward"/> reuses one set of buffers.
/// </summary>
public sealed class NBeatsNetwork
{
    private readonly NBeatsBlock[] _applications;
    private readonly NBeatsParameterTensor[] _parameters;
    private readonly NBeatsWorkspace _workspace;

    public NBeatsNetwork(NBeatsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var blocks = new List<NBeatsBlock>();
        _applications = options.StackType == NBeatsStackType.Generic ? GenericStacks(options, blocks) : InterpretableStacks(options, blocks);
        _parameters = [.. blocks.SelectMany(block => block.Tensors())];
        var random = new Random(options.Seed);
        foreach (var block in blocks)
        {
            block.Initialize(random);
        }

        _workspace = CreateWorkspace();
    }

    public NBeatsOptions Options { get; }

    public int Lookback => Options.Lookback;

    public int Horizon => Options.Horizon;

    /// <summary>
    /// Every weight and bias in a stable order: stack by stack, block by block (a stack with shared weights has one
    /// block, <c>….shared</c>), each block's layers <c>fc0</c>…, then <c>backcast_theta</c>, then
    /// <c>forecast_theta</c>. The fixed bases of the interpretable blocks follow from <see cref="Options"/> and are not
    /// parameters. <see cref="NBeatsParameterTensor.CopyFrom"/> loads stored values.
    /// </summary>
    public IReadOnlyList<NBeatsParameterTensor> Parameters => _parameters;

    /// <summary>The block applications in order (a block with shared weights appears once per application).</summary>
    internal IReadOnlyList<NBeatsBlock> Applications => _applications;

    /// <summary>The forecast (H values) of one normalized input window (L values).</summary>
    public void Forward(ReadOnlySpan<double> input, Span<double> forecast)
    {
        ThrowIfWrongLength(input, Lookback, nameof(input), "the lookback");
        ThrowIfWrongLength(forecast, Horizon, nameof(forecast), "the horizon");
        Forward(input, forecast, _workspace);
    }

    /// <summary>Forecasts for a batch: <paramref name="inputs"/> holds batch × L values row by row, <paramref name="forecasts"/> receives batch × H.</summary>
    public void ForwardBatch(ReadOnlySpan<double> inputs, Span<double> forecasts)
    {
        if (inputs.Length % Lookback != 0)
        {
            throw new ArgumentException($"The inputs hold {inputs.Length} values, not a whole number of windows of the lookback ({Lookback}).", nameof(inputs));
        }

        var batch = inputs.Length / Lookback;
        ThrowIfWrongLength(forecasts, batch * Horizon, nameof(forecasts), $"{batch} windows × the horizon ({Horizon})");
        for (var n = 0; n < batch; n++)
        {
            Forward(inputs.Slice(n * Lookback, Lookback), forecasts.Slice(n * Horizon, Horizon), _workspace);
        }
    }

    internal NBeatsWorkspace CreateWorkspace() => new(_applications, Lookback, Horizon);

    /// <summary>The forward pass, keeping in <paramref name="workspace"/> what <see cref="Backward"/> needs.</summary>
    internal void Forward(ReadOnlySpan<double> input, Span<double> forecast, NBeatsWorkspace workspace)
    {
        input.CopyTo(workspace.Residuals[0]);
        forecast.Clear();
        for (var a = 0; a < _applications.Length; a++)
        {
            var activations = workspace.Blocks[a];
            _applications[a].Forward(workspace.Residuals[a], activations);
            TensorPrimitives.Subtract(workspace.Residuals[a], activations.Backcast, workspace.Residuals[a + 1]);
            TensorPrimitives.Add(forecast, activations.Forecast, forecast);
        }
    }

    /// <summary>
    /// Adds to every parameter's gradient the effect of ∂loss/∂forecast for the sample of the last
    /// <see cref="Forward(ReadOnlySpan{double}, Span{double}, NBeatsWorkspace)"/> on this workspace. The final residual
    /// is not part of the loss, so its gradient starts at 0; each block adds its path on the way back.
    /// </summary>
    internal void Backward(ReadOnlySpan<double> forecastGradient, NBeatsWorkspace workspace)
    {
        var residualGradient = workspace.ResidualGradient;
        Array.Clear(residualGradient);
        for (var a = _applications.Length - 1; a >= 0; a--)
        {
            _applications[a].Backward(workspace.Residuals[a], workspace.Blocks[a], residualGradient, forecastGradient);
        }
    }

    internal void ZeroGradients()
    {
        foreach (var parameter in _parameters)
        {
            Array.Clear(parameter.Gradient);
        }
    }

    /// <summary>The mean loss over a batch (inputs batch × L, targets batch × H, row by row), without gradients.</summary>
    internal double ComputeLoss(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, NBeatsLoss loss, NBeatsWorkspace workspace) =>
        LossPass(inputs, targets, loss, workspace, withGradients: false);

    /// <summary>
    /// The mean loss over a batch, as <see cref="ComputeLoss"/>, with the gradients of that mean written to every
    /// parameter's gradient (cleared first).
    /// </summary>
    internal double ComputeLossAndGradients(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, NBeatsLoss loss, NBeatsWorkspace workspace)
    {
        ZeroGradients();
        return LossPass(inputs, targets, loss, workspace, withGradients: true);
    }

    private double LossPass(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, NBeatsLoss loss, NBeatsWorkspace workspace, bool withGradients)
    {
        var batch = inputs.Length / Lookback;
        var scale = 1.0 / ((double)batch * Horizon);
        var sum = 0.0;
        Span<double> gradient = withGradients ? workspace.ForecastGradient : [];
        for (var n = 0; n < batch; n++)
        {
            Forward(inputs.Slice(n * Lookback, Lookback), workspace.Forecast, workspace);
            sum += ForecastLoss.Sum(loss, workspace.Forecast, targets.Slice(n * Horizon, Horizon), scale, gradient);
            if (withGradients)
            {
                Backward(gradient, workspace);
            }
        }

        return sum * scale;
    }

    private static NBeatsBlock[] GenericStacks(NBeatsOptions options, List<NBeatsBlock> blocks)
    {
        var applications = new List<NBeatsBlock>();
        for (var s = 0; s < options.Stacks; s++)
        {
            AddStack(applications, blocks, $"stack{s}", options.BlocksPerStack, options.ShareWeightsInStack, name =>
                new NBeatsBlock(name, options.Lookback, options.LayersPerBlock, options.HiddenUnits,
                    new IdentityBasis(options.Lookback), new IdentityBasis(options.Horizon), headBias: true));
        }

        return [.. applications];
    }

    private static NBeatsBlock[] InterpretableStacks(NBeatsOptions options, List<NBeatsBlock> blocks)
    {
        var applications = new List<NBeatsBlock>();
        AddStack(applications, blocks, "trend", options.TrendBlocks, options.ShareWeightsInStack, name =>
            new NBeatsBlock(name, options.Lookback, options.TrendLayers, options.TrendHiddenUnits,
                TrendBasis.Create(options.TrendDegree, options.Lookback), TrendBasis.Create(options.TrendDegree, options.Horizon), headBias: false));
        var harmonics = options.EffectiveSeasonalityHarmonics;
        AddStack(applications, blocks, "seasonality", options.SeasonalityBlocks, options.ShareWeightsInStack, name =>
            new NBeatsBlock(name, options.Lookback, options.SeasonalityLayers, options.SeasonalityHiddenUnits,
                SeasonalityBasis.Create(harmonics, options.Lookback), SeasonalityBasis.Create(harmonics, options.Horizon), headBias: false));
        return [.. applications];
    }

    private static void AddStack(List<NBeatsBlock> applications, List<NBeatsBlock> blocks, string stackName, int blockCount, bool shareWeights, Func<string, NBeatsBlock> createBlock)
    {
        if (shareWeights)
        {
            var shared = createBlock($"{stackName}.shared");
            blocks.Add(shared);
            applications.AddRange(Enumerable.Repeat(shared, blockCount));
            return;
        }

        for (var b = 0; b < blockCount; b++)
        {
            var block = createBlock($"{stackName}.block{b}");
            blocks.Add(block);
            applications.Add(block);
        }
    }

    private static void ThrowIfWrongLength(ReadOnlySpan<double> span, int expected, string name, string what)
    {
        if (span.Length != expected)
        {
            throw new ArgumentException($"{name} holds {span.Length} values; it must hold {expected} ({what}).", name);
        }
    }
}
