namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// The generic block's basis: θ is the backcast or forecast itself (θᵇ has L values, θᶠ has H), as in the authors'
/// reference implementation. The paper's generic basis V θ + b with a learned V is the same family, since the θ head
/// before it is already a learned linear map with a bias: two linear maps in a row are one.
/// </summary>
internal sealed class IdentityBasis(int length) : BlockBasis(length, length)
{
    public override void Expand(ReadOnlySpan<double> theta, Span<double> output) => theta.CopyTo(output);

    public override void ExpandTransposed(ReadOnlySpan<double> outputGradient, Span<double> thetaGradient) =>
        outputGradient.CopyTo(thetaGradient);
}
