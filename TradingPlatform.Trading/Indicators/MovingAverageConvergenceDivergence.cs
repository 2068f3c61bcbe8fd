namespace TradingPlatform.Trading.Indicators;

/// <summary>
/// Appel's MACD: the fast EMA minus the slow EMA of the values (a momentum measure in price units), the signal line, an
/// EMA of that difference, and the histogram, the difference minus its signal line. All three EMAs are
/// <see cref="ExponentialMovingAverage"/>s, each seeded with the mean of its first values.
/// </summary>
/// <remarks>
/// The two price EMAs both start at the first value; the signal EMA is fed only once the slow one is ready, because
/// until then the difference is undefined, and a signal line seeded with it would carry that into every later value.
/// </remarks>
public sealed class MovingAverageConvergenceDivergence
{
    private readonly ExponentialMovingAverage _fast;
    private readonly ExponentialMovingAverage _slow;
    private readonly ExponentialMovingAverage _signal;

    /// <param name="fast">The fast EMA's period (12 is Appel's); shorter than <paramref name="slow"/>.</param>
    /// <param name="slow">The slow EMA's period (26 is Appel's).</param>
    /// <param name="signal">The signal EMA's period (9 is Appel's).</param>
    public MovingAverageConvergenceDivergence(int fast, int slow, int signal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fast, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(slow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(signal, 1);
        if (fast >= slow)
        {
            throw new ArgumentException($"The fast period ({fast}) must be shorter than the slow period ({slow}).", nameof(fast));
        }

        _fast = new ExponentialMovingAverage(fast);
        _slow = new ExponentialMovingAverage(slow);
        _signal = new ExponentialMovingAverage(signal);
    }

    public int FastPeriod => _fast.Period;

    public int SlowPeriod => _slow.Period;

    public int SignalPeriod => _signal.Period;

    /// <summary>How many values were added since construction or <see cref="Reset"/> (saturates at <see cref="int.MaxValue"/>).</summary>
    public int Count => _slow.Count;

    /// <summary>True once the signal line is, that is after <see cref="SlowPeriod"/> + <see cref="SignalPeriod"/> − 1 values.</summary>
    public bool IsReady => _signal.IsReady;

    /// <summary>EMA(fast) − EMA(slow); NaN until the slow EMA is ready (<see cref="SlowPeriod"/> values), which can be before <see cref="IsReady"/>.</summary>
    public double Macd => _slow.IsReady ? _fast.Value - _slow.Value : double.NaN;

    /// <summary>The EMA of <see cref="Macd"/> over <see cref="SignalPeriod"/>; NaN until <see cref="IsReady"/>.</summary>
    public double Signal => _signal.Value;

    /// <summary><see cref="Macd"/> − <see cref="Signal"/>; NaN until <see cref="IsReady"/>.</summary>
    public double Histogram => IsReady ? Macd - Signal : double.NaN;

    public void Add(double value)
    {
        // The fast EMA checks the value first and throws before any of the three has changed.
        _fast.Add(value);
        _slow.Add(value);
        if (_slow.IsReady)
        {
            _signal.Add(_fast.Value - _slow.Value);
        }
    }

    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _signal.Reset();
    }
}
