namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>
/// A connection's bounded outgoing queue, read by one send loop. A message with a conflation key replaces the queued
/// one with the same key in place (the client gets the latest price, not every price it was too slow to read). When
/// the queue is full a conflatable message is dropped, and a critical one reports <see cref="EnqueueResult.Overflow"/>:
/// losing a user-channel message silently is never an option, so the caller closes the socket and the client resumes.
/// </summary>
internal sealed class SendQueue(int capacity) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Outbound> _items = new();
    private readonly Dictionary<string, LinkedListNode<Outbound>> _byKey = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _available = new(0);
    private bool _closed;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _closed;
            }
        }
    }

    public EnqueueResult Enqueue(Outbound message)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return EnqueueResult.Closed;
            }

            if (message.ConflationKey is { } key && _byKey.TryGetValue(key, out var queued))
            {
                queued.Value = message;
                return EnqueueResult.Conflated;
            }

            if (_items.Count >= capacity && !message.Replay)
            {
                return message.Critical ? EnqueueResult.Overflow : EnqueueResult.Dropped;
            }

            var node = _items.AddLast(message);
            if (message.ConflationKey is { } newKey)
            {
                _byKey[newKey] = node;
            }
        }

        _available.Release();
        return EnqueueResult.Queued;
    }

    /// <summary>
    /// Makes a close frame the last thing sent: after what is queued (an error explaining the close reaches the
    /// client first), or instead of it when <paramref name="discardPending"/> (a slow consumer cannot take more).
    /// </summary>
    public bool Close(int code, string reason, bool discardPending = false)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            _closed = true;
            if (discardPending)
            {
                _items.Clear();
                _byKey.Clear();
            }

            _items.AddLast(new Outbound([], CloseCode: code, CloseReason: reason));
        }

        _available.Release();
        return true;
    }

    public async ValueTask<Outbound> DequeueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _available.WaitAsync(cancellationToken);
            lock (_gate)
            {
                // After Close() cleared the list, the releases of the discarded items find nothing: wait again.
                if (_items.First is { } first)
                {
                    _items.RemoveFirst();
                    if (first.Value.ConflationKey is { } key)
                    {
                        _byKey.Remove(key);
                    }

                    return first.Value;
                }
            }
        }
    }

    public void Dispose() => _available.Dispose();
}
