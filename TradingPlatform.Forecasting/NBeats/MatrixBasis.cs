using System.Numerics.Tensors;

namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// A fixed basis given by its functions sampled on a time grid: row p holds basis function p at the
/// <see cref="BlockBasis.Length"/> grid points, and g(θ) = Σₚ θₚ · row p. Built by <see cref="TrendBasis"/> and
/// <see cref="SeasonalityBasis"/>; it has no parameters of its own.
/// </summary>
internal sealed class MatrixBasis : BlockBasis
{
    private readonly double[] _rows;

    public MatrixBasis(double[] rows, int thetaSize, int length)
        : base(thetaSize, length)
    {
        if (rows.Length != thetaSize * length)
        {
            throw new ArgumentException($"A basis of {thetaSize} functions over {length} points needs {thetaSize * length} values; {rows.Length} were given.", nameof(rows));
        }

        _rows = rows;
    }

    /// <summary>Basis function <paramref name="index"/> at the grid points.</summary>
    public ReadOnlySpan<double> Row(int index) => _rows.AsSpan(index * Length, Length);

    public override void Expand(ReadOnlySpan<double> theta, Span<double> output)
    {
        output.Clear();
        for (var p = 0; p < ThetaSize; p++)
        {
            TensorPrimitives.MultiplyAdd(Row(p), theta[p], output, output);
        }
    }

    public override void ExpandTransposed(ReadOnlySpan<double> outputGradient, Span<double> thetaGradient)
    {
        for (var p = 0; p < ThetaSize; p++)
        {
            thetaGradient[p] = TensorPrimitives.Dot(Row(p), outputGradient);
        }
    }
}
