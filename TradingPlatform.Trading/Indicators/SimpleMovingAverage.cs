namespace TradingPlatform.Trading.Indicators;

/// <summary>
/// The arithmetic mean of the last <see cref="Period"/> values, updated in O(1) from a running sum over a ring buffer.
/// </summary>
/// <remarks>
/// A running sum that only ever adds the new value and subtracts the one leaving the window keeps the rounding error
/// of every update, and a large value leaves its rounding error behind once it has left the window (a mean of prices
/// near 1 after a stretch near 10⁶ would be off in the eighth digit). So each time the ring wraps, that is every
/// <see cref="Period"/> updates, the sum is recomputed from the window: O(1) amortised, and the error never exceeds
/// what one window's worth of additions can make.
/// </remarks>
public sealed class SimpleMovingAverage
{
    private readonly double[] _window;
    private int _next; // the slot the next value goes into: once the window is full, the oldest value's
    private long _count;
    private double _sum;

    public SimpleMovingAverage(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _window = new double[period];
    }

    public int Period { get; }

    /// <summary>How many values were added since construction or <see cref="Reset"/> (saturates at <see cref="int.MaxValue"/>).</summary>
    public int Count => (int)Math.Min(_count, int.MaxValue);

    /// <summary>True once <see cref="Period"/> values were added: before that there is no full window to average.</summary>
    public bool IsReady => _count >= Period;

    /// <summary>The mean of the last <see cref="Period"/> values; NaN until <see cref="IsReady"/>, so that a strategy that
    /// forgets to check gets comparisons that are all false rather than the mean of a partial window.</summary>
    public double Value => IsReady ? _sum / Period : double.NaN;

    public void Add(double value)
    {
        IndicatorInput.ThrowIfNotFinite(value);
        _sum += IsReady ? value - _window[_next] : value;
        _window[_next] = value;
        _count++;
        if (++_next == Period)
        {
            _next = 0;
            if (IsReady)
            {
                _sum = Sum(_window);
            }
        }
    }

    public void Reset()
    {
        Array.Clear(_window);
        _next = 0;
        _count = 0;
        _sum = 0;
    }

    private static double Sum(double[] values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}
