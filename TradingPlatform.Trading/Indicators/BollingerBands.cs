namespace TradingPlatform.Trading.Indicators;

/// <summary>
/// Bollinger bands: the simple moving average of the last <see cref="Period"/> values, and bands
/// <see cref="Width"/> population standard deviations (divided by N, as Bollinger defines them) above and below it.
/// </summary>
/// <remarks>
/// The variance comes from Welford's update for a sliding window, not from running sums of x and x²: at a price near
/// 10⁶ with a spread of a few units, Σx²/N − mean² cancels about twelve of the sixteen digits a double has, while
/// Welford's update only ever works with deviations from the mean. Three things keep its rounding small:
/// <list type="bullet">
/// <item>It runs on the values less a shift, a recent value of the window, so its arithmetic is on numbers the size of
/// the window's range rather than of the price (for prices within a factor of two of the shift the subtraction is
/// exact).</item>
/// <item>Each time the ring wraps (every <see cref="Period"/> updates, O(1) amortised) the mean and the sum of squared
/// deviations are recomputed from the window in two passes, and the shift moves to the latest value, so rounding never
/// accumulates over more than one window.</item>
/// <item>A window of equal values is recognised (a count of equal consecutive values) and given a deviation of exactly
/// zero: there a residue of rounding would otherwise come out of the square root magnified (10⁻¹⁴ of variance is 10⁻⁷
/// of deviation), and a flat market would show bands that are not on the price. A sum of squares that rounding pushed
/// below zero anywhere else counts as zero rather than giving NaN.</item>
/// </list>
/// </remarks>
public sealed class BollingerBands
{
    private readonly double[] _window;
    private int _next; // the slot the next value goes into: once the window is full, the oldest value's
    private long _count;
    private int _equalRun; // how many of the latest values are equal to the latest, at most Period
    private double _latest;
    private double _shift;
    private double _mean; // of the window less the shift
    private double _squaredDeviations; // Σ (x − mean)² over the window

    /// <param name="period">How many values the window holds; 20 is Bollinger's own choice.</param>
    /// <param name="width">How many standard deviations the bands are from the middle; 2 is Bollinger's own choice, 0 puts both on it.</param>
    public BollingerBands(int period, double width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        if (!double.IsFinite(width) || width < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "The width must be a finite number of standard deviations, zero or more.");
        }

        Period = period;
        Width = width;
        _window = new double[period];
    }

    public int Period { get; }

    public double Width { get; }

    /// <summary>How many values were added since construction or <see cref="Reset"/> (saturates at <see cref="int.MaxValue"/>).</summary>
    public int Count => (int)Math.Min(_count, int.MaxValue);

    /// <summary>True once <see cref="Period"/> values were added.</summary>
    public bool IsReady => _count >= Period;

    /// <summary>The mean of the window; NaN until <see cref="IsReady"/>.</summary>
    public double Middle => IsReady ? _shift + _mean : double.NaN;

    /// <summary>The population standard deviation of the window, never negative; NaN until <see cref="IsReady"/>.</summary>
    public double StandardDeviation => IsReady ? Math.Sqrt(Math.Max(_squaredDeviations, 0) / Period) : double.NaN;

    /// <summary><see cref="Middle"/> + <see cref="Width"/> · σ; NaN until <see cref="IsReady"/>.</summary>
    public double Upper => Middle + Width * StandardDeviation;

    /// <summary><see cref="Middle"/> − <see cref="Width"/> · σ; NaN until <see cref="IsReady"/>.</summary>
    public double Lower => Middle - Width * StandardDeviation;

    public void Add(double value)
    {
        IndicatorInput.ThrowIfNotFinite(value);
        if (_count == 0)
        {
            _shift = value;
        }

        var shifted = value - _shift;
        if (IsReady)
        {
            // Replacing the oldest value changes the mean by (new − old) / N and Σ (x − mean)² by
            // (new − old) · (new − mean′ + old − mean).
            var oldest = _window[_next] - _shift;
            var previousMean = _mean;
            var difference = shifted - oldest;
            _mean += difference / Period;
            _squaredDeviations += difference * (shifted - _mean + oldest - previousMean);
        }
        else
        {
            var delta = shifted - _mean;
            _mean += delta / (_count + 1);
            _squaredDeviations += delta * (shifted - _mean);
        }

        _equalRun = _count > 0 && value == _latest ? Math.Min(_equalRun + 1, Period) : 1;
        _latest = value;
        _window[_next] = value;
        _count++;
        if (_equalRun == Period)
        {
            // Every value in the window is this one: that is the exact state.
            _shift = value;
            _mean = 0;
            _squaredDeviations = 0;
        }

        if (++_next == Period)
        {
            _next = 0;
            if (IsReady)
            {
                Recompute();
            }
        }
    }

    public void Reset()
    {
        Array.Clear(_window);
        _next = 0;
        _count = 0;
        _equalRun = 0;
        _latest = 0;
        _shift = 0;
        _mean = 0;
        _squaredDeviations = 0;
    }

    private void Recompute()
    {
        var shift = _latest;
        var sum = 0.0;
        foreach (var value in _window)
        {
            sum += value - shift;
        }

        var mean = sum / Period;
        var squaredDeviations = 0.0;
        foreach (var value in _window)
        {
            var deviation = value - shift - mean;
            squaredDeviations += deviation * deviation;
        }

        _shift = shift;
        _mean = mean;
        _squaredDeviations = squaredDeviations;
    }
}
