namespace TradingPlatform.Trading.Indicators;

/// <summary>
/// The largest of the last <c>period</c> values in O(1) amortised: a deque, in a preallocated ring, of the values that
/// could still become the maximum, decreasing from front to back. A new value removes from the back every value not
/// larger than itself (those can never be the maximum again while it is in the window), and the front leaves once it
/// is older than the window. Each value enters and leaves once, and the deque never holds more than
/// <c>period</c> values, so the ring never grows.
/// </summary>
internal sealed class SlidingMaximum
{
    private readonly int _period;
    private readonly double[] _values;
    private readonly long[] _sequences;
    private int _head;
    private int _size;
    private long _next; // the sequence number the next value gets

    public SlidingMaximum(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _values = new double[period];
        _sequences = new long[period];
    }

    /// <summary>The maximum of the window; meaningless before the first value.</summary>
    public double Value => _values[_head];

    public void Add(double value)
    {
        while (_size > 0 && _values[Slot(_size - 1)] <= value)
        {
            _size--;
        }

        // Sequence numbers in the deque are distinct and increasing, so at most the front can have become too old.
        if (_size > 0 && _sequences[_head] <= _next - _period)
        {
            _head = Slot(1);
            _size--;
        }

        var tail = Slot(_size);
        _values[tail] = value;
        _sequences[tail] = _next;
        _size++;
        _next++;
    }

    public void Reset()
    {
        _head = 0;
        _size = 0;
        _next = 0;
    }

    // The ring slot of the deque's entry at this offset from the front (offset ≤ period).
    private int Slot(int offset)
    {
        var slot = _head + offset;
        return slot >= _period ? slot - _period : slot;
    }
}
