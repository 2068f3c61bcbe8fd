namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// Adam (Kingma and Ba, 2015) with bias-corrected moments: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
/// θ ← θ − α · m̂ / (√v̂ + ε) with m̂ = m / (1 − β₁ᵗ) and v̂ = v / (1 − β₂ᵗ). With a clip norm, the gradient over all
/// parameters is first scaled down to that L2 norm when it is longer. Plain loops in parameter order: the same
/// gradients always give the same weights.
/// </summary>
internal sealed class AdamOptimizer
{
    private readonly IReadOnlyList<NBeatsParameterTensor> _parameters;
    private readonly double[][] _firstMoments;
    private readonly double[][] _secondMoments;
    private readonly double _learningRate;
    private readonly double? _gradientClipNorm;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _epsilon;

    public AdamOptimizer(IReadOnlyList<NBeatsParameterTensor> parameters, double learningRate, double? gradientClipNorm = null,
        double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        _parameters = parameters;
        _firstMoments = [.. parameters.Select(parameter => new double[parameter.Length])];
        _secondMoments = [.. parameters.Select(parameter => new double[parameter.Length])];
        _learningRate = learningRate;
        _gradientClipNorm = gradientClipNorm;
        _beta1 = beta1;
        _beta2 = beta2;
        _epsilon = epsilon;
    }

    /// <summary>Steps taken so far (t in the bias correction).</summary>
    public int StepCount { get; private set; }

    /// <summary>One update from the parameters' current gradients; returns the gradient's norm before clipping.</summary>
    public double Step()
    {
        var norm = GradientNorm();
        var gradientScale = _gradientClipNorm is { } clip && norm > clip ? clip / norm : 1.0;
        StepCount++;
        var firstCorrection = 1 - Math.Pow(_beta1, StepCount);
        var secondCorrection = 1 - Math.Pow(_beta2, StepCount);
        for (var p = 0; p < _parameters.Count; p++)
        {
            var values = _parameters[p].Data;
            var gradient = _parameters[p].Gradient;
            var m = _firstMoments[p];
            var v = _secondMoments[p];
            for (var i = 0; i < values.Length; i++)
            {
                var g = gradient[i] * gradientScale;
                m[i] = (_beta1 * m[i]) + ((1 - _beta1) * g);
                v[i] = (_beta2 * v[i]) + ((1 - _beta2) * g * g);
                values[i] -= _learningRate * (m[i] / firstCorrection) / (Math.Sqrt(v[i] / secondCorrection) + _epsilon);
            }
        }

        return norm;
    }

    /// <summary>The L2 norm of the gradient over all parameters.</summary>
    private double GradientNorm()
    {
        var sumOfSquares = 0.0;
        foreach (var parameter in _parameters)
        {
            foreach (var g in parameter.Gradient)
            {
                sumOfSquares += g * g;
            }
        }

        return Math.Sqrt(sumOfSquares);
    }
}
