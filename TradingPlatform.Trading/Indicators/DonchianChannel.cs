namespace TradingPlatform.Trading.Indicators;

/// <summary>
/// The Donchian channel: the highest high and the lowest low of the last <see cref="Period"/> bars, the latest
/// included, and the midpoint between them; the breakout levels of the turtle-trading rules.
/// </summary>
/// <remarks>
/// Both extremes come from monotonic deques (<see cref="SlidingMaximum"/>), O(1) amortised per bar whatever the
/// period, instead of a scan of the window. The lows go in negated, since the lowest low is minus the highest negated
/// low and negating a double is exact.
/// </remarks>
public sealed class DonchianChannel
{
    private readonly SlidingMaximum _highs;
    private readonly SlidingMaximum _negatedLows;
    private long _count;

    public DonchianChannel(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _highs = new SlidingMaximum(period);
        _negatedLows = new SlidingMaximum(period);
    }

    public int Period { get; }

    /// <summary>How many bars were added since construction or <see cref="Reset"/> (saturates at <see cref="int.MaxValue"/>).</summary>
    public int Count => (int)Math.Min(_count, int.MaxValue);

    /// <summary>True once <see cref="Period"/> bars were added.</summary>
    public bool IsReady => _count >= Period;

    /// <summary>The highest high of the window; NaN until <see cref="IsReady"/>.</summary>
    public double Upper => IsReady ? _highs.Value : double.NaN;

    /// <summary>The lowest low of the window; NaN until <see cref="IsReady"/>.</summary>
    public double Lower => IsReady ? -_negatedLows.Value : double.NaN;

    /// <summary>Halfway between <see cref="Upper"/> and <see cref="Lower"/>.</summary>
    public double Middle => (Upper + Lower) / 2;

    /// <summary>Adds a bar; a bar whose low is above its high is refused, since it would give a channel inside out.</summary>
    public void Add(double high, double low)
    {
        IndicatorInput.ThrowIfNotFinite(high);
        IndicatorInput.ThrowIfNotFinite(low);
        if (low > high)
        {
            throw new ArgumentException($"The bar's low ({low}) is above its high ({high}).", nameof(low));
        }

        _highs.Add(high);
        _negatedLows.Add(-low);
        _count++;
    }

    public void Reset()
    {
        _highs.Reset();
        _negatedLows.Reset();
        _count = 0;
    }
}
