namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>Evaluation windows cut from one series, in the same indexing as the N-BEATS training windows.</summary>
public static class EvaluationWindows
{
    /// <summary>
    /// Windows <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> − 1 of
    /// <paramref name="series"/>: window w has the history series[w .. w + historyLength − 1] and the actual values
    /// series[w + historyLength .. w + historyLength + horizon − 1]. With historyLength = the lookback L these are the
    /// trainer's window indices, so the trainer's validation windows (or windows after the training series) can be
    /// cut out for calibration and the held-out test; a longer history only widens MASE's in-sample scale span.
    /// </summary>
    public static IReadOnlyList<EvaluationWindow> FromSeries(ReadOnlySpan<double> series, int historyLength, int horizon, int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(historyLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var end = (long)first + count - 1 + historyLength + horizon;
        if (end > series.Length)
        {
            throw new ArgumentException($"Windows {first}..{first + count - 1} of {historyLength} + {horizon} values need {end} values; the series has {series.Length}.", nameof(series));
        }

        EvaluationChecks.ThrowIfNotFinite(series[first..(int)end], "series", nameof(series), first);
        var windows = new EvaluationWindow[count];
        for (var i = 0; i < count; i++)
        {
            var start = first + i;
            windows[i] = new EvaluationWindow(series.Slice(start, historyLength), series.Slice(start + historyLength, horizon));
        }

        return windows;
    }
}
