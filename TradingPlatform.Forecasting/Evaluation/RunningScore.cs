namespace TradingPlatform.Forecasting.Evaluation;

/// <summary>
/// The live score of an active model: each prediction is added with what happened once it is known, and the running
/// MAE, sMAPE, MASE and interval coverage are read with <see cref="Snapshot"/>. MASE divides by a scale fixed when
/// the score starts (<see cref="ForecastMetrics.MaseScale"/> of the in-sample series, so that live MASE is comparable
/// with the held-out evaluation). Thread-safe: a lock guards the sums, so a snapshot is always of whole pairs.
/// </summary>
public sealed class RunningScore
{
    private readonly Lock _gate = new();
    private long _count;
    private double _absoluteErrors;
    private double _smapeTerms;
    private long _intervalCount;
    private long _inside;

    /// <param name="maseScale">MASE's denominator: finite and above 0.</param>
    public RunningScore(double maseScale)
    {
        MaseScale = double.IsFinite(maseScale) && maseScale > 0
            ? maseScale
            : throw new ArgumentOutOfRangeException(nameof(maseScale), maseScale, $"MASE's scale must be finite and above 0; it was {maseScale}.");
    }

    public double MaseScale { get; }

    /// <summary>Scores one prediction against what happened; <paramref name="interval"/> is its prediction interval, when it had one.</summary>
    public void Add(double forecast, double actual, ForecastInterval? interval = null)
    {
        if (!double.IsFinite(forecast) || !double.IsFinite(actual))
        {
            throw new ArgumentException($"The forecast ({forecast}) and the actual value ({actual}) must be finite.", double.IsFinite(forecast) ? nameof(actual) : nameof(forecast));
        }

        if (interval is { } bounds && !(bounds.Lower <= bounds.Upper))
        {
            throw new ArgumentException($"The interval [{bounds.Lower}, {bounds.Upper}] is not an interval: its bounds must be numbers with the lower one first.", nameof(interval));
        }

        var absolute = Math.Abs(actual - forecast);
        var smape = ForecastMetrics.SMapeTerm(actual, forecast);
        lock (_gate)
        {
            _count++;
            _absoluteErrors += absolute;
            _smapeTerms += smape;
            if (interval is { } known)
            {
                _intervalCount++;
                _inside += known.Contains(actual) ? 1 : 0;
            }
        }
    }

    public RunningScoreSnapshot Snapshot()
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                return new RunningScoreSnapshot(0, null, null, null, 0, null);
            }

            var mae = _absoluteErrors / _count;
            double? coverage = _intervalCount == 0 ? null : (double)_inside / _intervalCount;
            return new RunningScoreSnapshot(_count, mae, _smapeTerms / _count, mae / MaseScale, _intervalCount, coverage);
        }
    }
}
