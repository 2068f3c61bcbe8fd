namespace TradingPlatform.Trading.Indicators;

/// <summary>
/// Wilder's relative strength index, 100 · average gain / (average gain + average loss), over the changes between
/// consecutive closes. The first averages are the simple means of the first <see cref="Period"/> changes (so the
/// first value needs <see cref="Period"/> + 1 closes); after that each average is smoothed as Wilder did:
/// avg = (avg · (period − 1) + x) / period.
/// </summary>
/// <remarks>
/// Written as gain / (gain + loss), which is the usual 100 − 100 / (1 + RS), the index is 100 when there were gains
/// and no losses without a division by zero. With neither (a flat series) it is 50: nothing suggests overbought or
/// oversold.
/// </remarks>
public sealed class RelativeStrengthIndex
{
    private long _count; // closes
    private double _previous;
    private double _averageGain; // the sums of the gains and losses until the first averages are taken
    private double _averageLoss;

    public RelativeStrengthIndex(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
    }

    public int Period { get; }

    /// <summary>How many closes were added since construction or <see cref="Reset"/> (saturates at <see cref="int.MaxValue"/>).</summary>
    public int Count => (int)Math.Min(_count, int.MaxValue);

    /// <summary>True once <see cref="Period"/> + 1 closes, that is <see cref="Period"/> changes, were added.</summary>
    public bool IsReady => _count > Period;

    /// <summary>The index, 0 to 100; NaN until <see cref="IsReady"/>.</summary>
    public double Value
    {
        get
        {
            if (!IsReady)
            {
                return double.NaN;
            }

            var total = _averageGain + _averageLoss;
            return total == 0 ? 50 : 100 * (_averageGain / total); // gain / gain is exactly 1
        }
    }

    public void Add(double close)
    {
        IndicatorInput.ThrowIfNotFinite(close);
        if (_count > 0)
        {
            var change = close - _previous;
            var gain = change > 0 ? change : 0;
            var loss = change < 0 ? -change : 0;
            if (IsReady)
            {
                _averageGain = (_averageGain * (Period - 1) + gain) / Period;
                _averageLoss = (_averageLoss * (Period - 1) + loss) / Period;
            }
            else
            {
                _averageGain += gain;
                _averageLoss += loss;
                if (_count == Period)
                {
                    _averageGain /= Period;
                    _averageLoss /= Period;
                }
            }
        }

        _previous = close;
        _count++;
    }

    public void Reset()
    {
        _count = 0;
        _previous = 0;
        _averageGain = 0;
        _averageLoss = 0;
    }
}
