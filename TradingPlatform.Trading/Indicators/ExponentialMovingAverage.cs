namespace TradingPlatform.Trading.Indicators;

/// <summary>
/// The exponential moving average with smoothing factor α = 2 / (period + 1), seeded with the simple mean of the first
/// <see cref="Period"/> values (TA-Lib's convention) rather than with the first value, so that one outlier at the start
/// does not dominate the average for several periods.
/// </summary>
public sealed class ExponentialMovingAverage
{
    private readonly double _alpha;
    private long _count;
    private double _value; // the sum of the values so far until the seed is taken, the average afterwards

    public ExponentialMovingAverage(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _alpha = 2.0 / (period + 1.0);
    }

    public int Period { get; }

    /// <summary>How many values were added since construction or <see cref="Reset"/> (saturates at <see cref="int.MaxValue"/>).</summary>
    public int Count => (int)Math.Min(_count, int.MaxValue);

    /// <summary>True once <see cref="Period"/> values were added and the seed (their mean) was taken.</summary>
    public bool IsReady => _count >= Period;

    /// <summary>EMAₜ = EMAₜ₋₁ + α·(xₜ − EMAₜ₋₁); NaN until <see cref="IsReady"/>.</summary>
    public double Value => IsReady ? _value : double.NaN;

    public void Add(double value)
    {
        IndicatorInput.ThrowIfNotFinite(value);
        if (IsReady)
        {
            _value += _alpha * (value - _value);
        }
        else
        {
            _value += value;
            if (_count + 1 == Period)
            {
                _value /= Period;
            }
        }

        _count++;
    }

    public void Reset()
    {
        _count = 0;
        _value = 0;
    }
}
