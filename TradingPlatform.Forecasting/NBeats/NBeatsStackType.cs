namespace TradingPlatform.Forecasting.NBeats;

/// <summary>The two architectures of the N-BEATS paper (Oreshkin et al., ICLR 2020).</summary>
public enum NBeatsStackType
{
    /// <summary>
    /// N-BEATS-G: stacks of blocks whose backcast and forecast are learned linear projections (no fixed basis: θᵇ is
    /// the backcast itself, L values, and θᶠ the forecast, H values), so the model assumes nothing about the shape of
    /// the series.
    /// </summary>
    Generic,

    /// <summary>
    /// N-BEATS-I: a trend stack (polynomial basis) followed by a seasonality stack (Fourier basis), so that each
    /// stack's forecast reads as a trend and a seasonal component.
    /// </summary>
    Interpretable,
}
