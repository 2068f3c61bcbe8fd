namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// What one application of a block computed on one sample (the ReLU outputs of its layers, θᵇ, θᶠ, backcast and
/// forecast), kept for the backward pass, plus the block's backward scratch. Allocated once per workspace, so that the
/// per-sample passes allocate nothing.
/// </summary>
internal sealed class BlockActivations
{
    public BlockActivations(int layers, int hiddenUnits, int backcastThetaSize, int forecastThetaSize, int lookback, int horizon)
    {
        Hidden = new double[layers][];
        for (var k = 0; k < layers; k++)
        {
            Hidden[k] = new double[hiddenUnits];
        }

        BackcastTheta = new double[backcastThetaSize];
        ForecastTheta = new double[forecastThetaSize];
        Backcast = new double[lookback];
        Forecast = new double[horizon];
        HiddenGradient = new double[hiddenUnits];
        PreviousHiddenGradient = new double[hiddenUnits];
        BackcastThetaGradient = new double[backcastThetaSize];
        ForecastThetaGradient = new double[forecastThetaSize];
    }

    /// <summary>hₖ = ReLU(Wₖ hₖ₋₁ + bₖ) for each layer k (h₀ being the block's input).</summary>
    public double[][] Hidden { get; }

    public double[] BackcastTheta { get; }

    public double[] ForecastTheta { get; }

    /// <summary>The block's backcast x̂ (L values), subtracted from its input to give the next block's input.</summary>
    public double[] Backcast { get; }

    /// <summary>The block's share of the forecast ŷ (H values).</summary>
    public double[] Forecast { get; }

    public double[] HiddenGradient { get; }

    public double[] PreviousHiddenGradient { get; }

    public double[] BackcastThetaGradient { get; }

    public double[] ForecastThetaGradient { get; }
}
