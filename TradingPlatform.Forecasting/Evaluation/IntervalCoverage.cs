using System.Collections.ObjectModel;

namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// How calibrated intervals did out of sample: the share of actual values inside their intervals per step
/// (<see cref="PerStep"/>, index 0 the next value) and over every window and step (<see cref="Overall"/>), against the
/// nominal <see cref="Level"/>; and the mean width relative to the last value, mean of (upper − lower) / xₙ, so that
/// a calibrated interval is also judged by how little it says (a 100 % interval is easy).
/// </summary>
public sealed record IntervalCoverage(double Level, double Overall, IReadOnlyList<double> PerStep, double MeanRelativeWidth, int WindowCount)
{
    /// <summary>Measures <paramref name="intervals"/> on held-out windows and the model's forecasts for them.</summary>
    public static IntervalCoverage Measure(ConformalIntervals intervals, IReadOnlyList<EvaluationWindow> windows, IReadOnlyList<IReadOnlyList<double>> forecasts)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var horizon = EvaluationChecks.Horizon(windows, forecasts, nameof(windows), nameof(forecasts));
        if (horizon != intervals.Horizon)
        {
            throw new ArgumentException($"The windows have {horizon} steps; the intervals were calibrated for {intervals.Horizon}.", nameof(windows));
        }

        var inside = new int[horizon];
        var width = 0.0;
        for (var w = 0; w < windows.Count; w++)
        {
            var window = windows[w];
            var stepIntervals = intervals.Intervals(window.LastValue, forecasts[w]);
            for (var h = 0; h < horizon; h++)
            {
                inside[h] += stepIntervals[h].Contains(window.Actual[h]) ? 1 : 0;
                width += stepIntervals[h].Width / window.LastValue;
            }
        }

        var count = windows.Count;
        var perStep = inside.Select(hits => (double)hits / count).ToArray();
        return new IntervalCoverage(intervals.Level, (double)inside.Sum() / (count * horizon), new ReadOnlyCollection<double>(perStep), width / (count * horizon), count);
    }
}
