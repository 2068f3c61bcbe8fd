namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// The basis expansion g of a block: the backcast or forecast is g(θ), linear in θ. A basis maps θ (of
/// <see cref="ThetaSize"/>) to <see cref="Length"/> values and maps a gradient over those values back to θ (gᵀ).
/// </summary>
internal abstract class BlockBasis
{
    protected BlockBasis(int thetaSize, int length)
    {
        ThetaSize = thetaSize;
        Length = length;
    }

    public int ThetaSize { get; }

    public int Length { get; }

    /// <summary>output = g(θ), overwriting <paramref name="output"/>.</summary>
    public abstract void Expand(ReadOnlySpan<double> theta, Span<double> output);

    /// <summary>thetaGradient = gᵀ · outputGradient, overwriting <paramref name="thetaGradient"/>.</summary>
    public abstract void ExpandTransposed(ReadOnlySpan<double> outputGradient, Span<double> thetaGradient);
}
