namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// One forecast origin of an evaluation: the in-sample <see cref="History"/> known at the origin (oldest first; a
/// forecaster reads it, and it scales MASE) and the <see cref="Actual"/> values that followed (the horizon H). The
/// values are copied and checked to be finite; they may be any finite numbers (the interval code, which works in
/// ratios to the last value, asks for a positive last value itself).
/// </summary>
public sealed class EvaluationWindow
{
    private readonly double[] _history;
    private readonly double[] _actual;

    /// <param name="history">The values up to and including the forecast origin, oldest first; at least one.</param>
    /// <param name="actual">The H values that followed the origin; at least one.</param>
    public EvaluationWindow(ReadOnlySpan<double> history, ReadOnlySpan<double> actual)
    {
        if (history.IsEmpty)
        {
            throw new ArgumentException("The history is empty; a window needs at least its last value (the forecast origin).", nameof(history));
        }

        if (actual.IsEmpty)
        {
            throw new ArgumentException("There are no actual values; a window needs at least one (its horizon).", nameof(actual));
        }

        EvaluationChecks.ThrowIfNotFinite(history, "history", nameof(history));
        EvaluationChecks.ThrowIfNotFinite(actual, "actual", nameof(actual));
        _history = history.ToArray();
        _actual = actual.ToArray();
    }

    public ReadOnlySpan<double> History => _history;

    public ReadOnlySpan<double> Actual => _actual;

    /// <summary>H, the number of actual values.</summary>
    public int Horizon => _actual.Length;

    /// <summary>The last value of the history: the price at the forecast origin.</summary>
    public double LastValue => _history[^1];
}
