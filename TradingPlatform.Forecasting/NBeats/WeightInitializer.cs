namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// Uniform initializations drawn from one <see cref="Random"/> in parameter order, so that a seed fixes every weight
/// (System.Random with a seed runs the same algorithm on every .NET version).
/// </summary>
internal static class WeightInitializer
{
    /// <summary>He (Kaiming) uniform for a layer followed by ReLU: U(−√(6 / fanIn), √(6 / fanIn)), which keeps the activations' variance through the ReLU layers.</summary>
    public static void HeUniform(Span<double> weights, int fanIn, Random random) => Uniform(weights, Math.Sqrt(6.0 / fanIn), random);

    /// <summary>Xavier (Glorot) uniform for a linear head: U(−√(6 / (fanIn + fanOut)), √(6 / (fanIn + fanOut))).</summary>
    public static void XavierUniform(Span<double> weights, int fanIn, int fanOut, Random random) =>
        Uniform(weights, Math.Sqrt(6.0 / (fanIn + fanOut)), random);

    /// <summary>
    /// PyTorch's default bias of <c>nn.Linear</c>: U(−1/√fanIn, 1/√fanIn). Not 0: with zero biases a unit whose
    /// inputs are all 0 (every ReLU before it off) sits exactly on the ReLU's kink.
    /// </summary>
    public static void Bias(Span<double> biases, int fanIn, Random random) => Uniform(biases, 1 / Math.Sqrt(fanIn), random);

    private static void Uniform(Span<double> weights, double limit, Random random)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = ((2 * random.NextDouble()) - 1) * limit;
        }
    }
}
