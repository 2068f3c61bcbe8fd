namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// The buffers of one forward and backward pass through a network, reused sample after sample: the residual input of
/// every block application, what each application computed, and the gradient scratch. One workspace serves one thread.
/// </summary>
internal sealed class NBeatsWorkspace
{
    public NBeatsWorkspace(IReadOnlyList<NBeatsBlock> applications, int lookback, int horizon)
    {
        Blocks = new BlockActivations[applications.Count];
        Residuals = new double[applications.Count + 1][];
        Residuals[0] = new double[lookback];
        for (var a = 0; a < applications.Count; a++)
        {
            Blocks[a] = applications[a].CreateActivations();
            Residuals[a + 1] = new double[lookback];
        }

        ResidualGradient = new double[lookback];
        Forecast = new double[horizon];
        ForecastGradient = new double[horizon];
    }

    /// <summary>What block application a computed in the last forward pass.</summary>
    public BlockActivations[] Blocks { get; }

    /// <summary>x₀ (the input), then xₐ₊₁ = xₐ − backcastₐ after each block application a; the last is the final residual.</summary>
    public double[][] Residuals { get; }

    public double[] ResidualGradient { get; }

    /// <summary>The last sample's forecast, for the loss passes.</summary>
    public double[] Forecast { get; }

    public double[] ForecastGradient { get; }
}
