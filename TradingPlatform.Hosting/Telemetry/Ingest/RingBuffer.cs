namespace TradingPlatform.Hosting.Telemetry.Ingest;

/// <summary>
/// A fixed-capacity FIFO that overwrites its oldest item when full and can be read newest-first without copying.
/// Not thread-safe: <see cref="TelemetryStore"/> guards it with its lock.
/// </summary>
internal sealed class RingBuffer<T>(int capacity)
{
    private readonly T[] _items = new T[Math.Max(1, capacity)];
    private int _start;

    public int Count { get; private set; }

    /// <summary>Index 0 is the oldest item.</summary>
    public T this[int index] => _items[(_start + index) % _items.Length];

    /// <summary>Appends <paramref name="item"/>; returns true with the item it pushed out when the buffer was full.</summary>
    public bool Add(T item, out T evicted)
    {
        if (Count < _items.Length)
        {
            _items[(_start + Count) % _items.Length] = item;
            Count++;
            evicted = default!;
            return false;
        }

        evicted = _items[_start];
        _items[_start] = item;
        _start = (_start + 1) % _items.Length;
        return true;
    }

    public IEnumerable<T> NewestFirst()
    {
        for (var i = Count - 1; i >= 0; i--)
        {
            yield return this[i];
        }
    }

    public IEnumerable<T> OldestFirst()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }
}
