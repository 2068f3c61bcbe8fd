using System.Collections.ObjectModel;

namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// Split-conformal prediction intervals (Vovk et al.; Lei et al., "Distribution-free predictive inference for
/// regression", 2018), calibrated per horizon step on a set of windows the model was not trained on (the validation
/// windows). Residuals are relative to the window's last value, rₕ = (yₕ − ŷₕ) / xₙ, because price moves scale with
/// the price level: an interval calibrated at 100 then fits a forecast at 200. For n calibration windows and a miss
/// rate α the half-width qₕ is the ⌈(n + 1)(1 − α)⌉-th smallest |rₕ| (the (1 − α)(1 + 1/n) empirical quantile), and
/// a new forecast's interval is ŷₕ ± qₕ · xₙ; when the calibration and new windows are exchangeable it covers yₕ
/// with probability at least 1 − α (and at most 1 − α + 1 / (n + 1) without ties). The sorted signed residuals are
/// kept for <see cref="ProbabilityAbove"/>.
/// </summary>
public sealed class ConformalIntervals
{
    private readonly double[][] _sortedResiduals;

    private ConformalIntervals(double alpha, double[] halfWidths, double[][] sortedResiduals)
    {
        Alpha = alpha;
        RelativeHalfWidths = new ReadOnlyCollection<double>(halfWidths);
        _sortedResiduals = sortedResiduals;
    }

    /// <summary>α: the share of actual values an interval may miss (0.2 for an 80 % interval).</summary>
    public double Alpha { get; }

    /// <summary>The nominal coverage 1 − α.</summary>
    public double Level => 1 - Alpha;

    public int Horizon => RelativeHalfWidths.Count;

    public int CalibrationCount => _sortedResiduals[0].Length;

    /// <summary>qₕ per step (index 0 is the next value): the interval's half-width as a fraction of the last value.</summary>
    public IReadOnlyList<double> RelativeHalfWidths { get; }

    /// <summary>
    /// Calibrates on <paramref name="windows"/> (the model's forecasts for them in <paramref name="forecasts"/>; each
    /// last value above 0). Needs n ≥ 1 / α − 1 windows, else the quantile would lie beyond the largest residual.
    /// </summary>
    public static ConformalIntervals Calibrate(IReadOnlyList<EvaluationWindow> windows, IReadOnlyList<IReadOnlyList<double>> forecasts, double alpha)
    {
        var horizon = EvaluationChecks.Horizon(windows, forecasts, nameof(windows), nameof(forecasts));
        EvaluationChecks.Alpha(alpha, nameof(alpha));
        var n = windows.Count;
        // The small tolerance keeps an exact product such as 100 · 0.8 from rounding up to 81 through a last-bit error.
        var rank = (int)Math.Ceiling(((n + 1) * (1 - alpha)) - 1e-9);
        if (rank > n)
        {
            throw new ArgumentException($"{n} calibration windows are too few for α = {alpha}: the ⌈(n + 1)(1 − α)⌉ = {rank}-th smallest residual does not exist; give at least {(int)Math.Ceiling((1 / alpha) - 1 - 1e-9)} windows.", nameof(windows));
        }

        var residuals = new double[horizon][];
        var halfWidths = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            residuals[h] = new double[n];
        }

        for (var w = 0; w < n; w++)
        {
            var last = PositiveLast(windows[w].LastValue, $"Window {w}'s last value", nameof(windows));
            var actual = windows[w].Actual;
            for (var h = 0; h < horizon; h++)
            {
                residuals[h][w] = (actual[h] - forecasts[w][h]) / last;
            }
        }

        for (var h = 0; h < horizon; h++)
        {
            var absolute = residuals[h].Select(Math.Abs).Order().ToArray();
            halfWidths[h] = absolute[rank - 1];
            Array.Sort(residuals[h]);
        }

        return new ConformalIntervals(alpha, halfWidths, residuals);
    }

    /// <summary>ŷₕ ± qₕ · xₙ for each step of a forecast made at last value xₙ (above 0).</summary>
    public ForecastInterval[] Intervals(double lastValue, IReadOnlyList<double> forecast)
    {
        var last = CheckForecast(lastValue, forecast);
        var intervals = new ForecastInterval[Horizon];
        for (var h = 0; h < intervals.Length; h++)
        {
            var half = RelativeHalfWidths[h] * last;
            intervals[h] = new ForecastInterval(forecast[h] - half, forecast[h] + half);
        }

        return intervals;
    }

    /// <summary>
    /// P(yₕ > xₙ) for each step: the chance that the value at that step ends above the last value, read from the
    /// calibration residuals shifted by the forecast, yₕ ≈ ŷₕ + rₕ · xₙ, so the share of calibration residuals with
    /// rₕ > 1 − ŷₕ / xₙ (the empirical distribution, ties at the last value counted as not above).
    /// </summary>
    public double[] ProbabilityAbove(double lastValue, IReadOnlyList<double> forecast)
    {
        var last = CheckForecast(lastValue, forecast);
        var probabilities = new double[Horizon];
        for (var h = 0; h < probabilities.Length; h++)
        {
            var sorted = _sortedResiduals[h];
            var threshold = 1 - (forecast[h] / last);
            probabilities[h] = (double)(sorted.Length - CountAtMost(sorted, threshold)) / sorted.Length;
        }

        return probabilities;
    }

    /// <summary>The number of values ≤ <paramref name="threshold"/> in an ascending array (binary search for the first above).</summary>
    private static int CountAtMost(double[] sorted, double threshold)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (sorted[middle] <= threshold)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private double CheckForecast(double lastValue, IReadOnlyList<double> forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        if (forecast.Count != Horizon)
        {
            throw new ArgumentException($"The forecast has {forecast.Count} values; the intervals were calibrated for {Horizon} steps.", nameof(forecast));
        }

        for (var h = 0; h < forecast.Count; h++)
        {
            if (!double.IsFinite(forecast[h]))
            {
                throw new ArgumentException($"forecast[{h}] is {forecast[h]}; every value must be finite.", nameof(forecast));
            }
        }

        return PositiveLast(lastValue, "The last value", nameof(lastValue));
    }

    private static double PositiveLast(double lastValue, string what, string paramName) =>
        double.IsFinite(lastValue) && lastValue > 0
            ? lastValue
            : throw new ArgumentException($"{what} is {lastValue}; the residuals are relative to it, so it must be finite and above 0.", paramName);
}
