namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>
/// A connection's bounded outgoing queue, read by one send loop: a ring of <see cref="Outbound"/> structs, so queuing
/// allocates nothing once the ring has grown to the connection's usual backlog.
/// <para>
/// Price conflation is only for a client that really falls behind: while the send loop is stalled (its socket write,
/// or the test gate, does not complete) or the backlog passes a quarter of the capacity, a message with a conflation
/// key replaces the queued one with the same key in place (the client gets the latest price, not every price it was
/// too slow to read), and a stall first folds what is already queued down to the latest message per key. A client
/// that keeps up gets every tick. When the queue is full a conflatable message is dropped, and a critical one reports
/// <see cref="EnqueueResult.Overflow"/>: losing a user-channel message silently is never an option, so the caller
/// closes the socket and the client resumes.
/// </para>
/// </summary>
internal sealed class SendQueue(int capacity) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly QueueSignal _signal = new();
    private readonly int _conflateFrom = Math.Max(1, capacity / 4);
    private readonly HashSet<string> _keysSeen = new(StringComparer.Ordinal);
    private Outbound[] _ring = new Outbound[Math.Min(capacity, 16)];
    private int _head;
    private int _count;
    private bool _closed;
    private bool _stalled;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
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

    /// <summary>Queues <paramref name="message"/>; with <paramref name="wake"/> false the reader is woken later by <see cref="Wake"/>.</summary>
    public EnqueueResult Enqueue(in Outbound message, bool wake = true)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return EnqueueResult.Closed;
            }

            if (message.ConflationKey is { } key && (_stalled || _count >= _conflateFrom) && TryReplace(key, message))
            {
                return EnqueueResult.Conflated;
            }

            if (_count >= capacity && !message.Replay)
            {
                return message.Critical ? EnqueueResult.Overflow : EnqueueResult.Dropped;
            }

            Push(message);
        }

        if (wake)
        {
            _signal.Set();
        }

        return EnqueueResult.Queued;
    }

    /// <summary>Wakes the send loop after messages were queued without waking it (a fan-out batch).</summary>
    public void Wake() => _signal.Set();

    /// <summary>
    /// The send loop's write is not completing: from now on ticks conflate, and those already queued fold down to the
    /// latest per key. Answers how many queued messages were folded away.
    /// </summary>
    public int MarkStalled()
    {
        lock (_gate)
        {
            _stalled = true;
            return FoldByKey();
        }
    }

    /// <summary>The stalled write completed: ticks queue one by one again.</summary>
    public void MarkFlowing()
    {
        lock (_gate)
        {
            _stalled = false;
        }
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
                Array.Clear(_ring);
                _head = 0;
                _count = 0;
            }

            Push(new Outbound([], CloseCode: code, CloseReason: reason));
        }

        _signal.Set();
        return true;
    }

    /// <summary>Whether the send loop's write is stalled (for tests of conflation).</summary>
    public bool IsStalled
    {
        get
        {
            lock (_gate)
            {
                return _stalled;
            }
        }
    }

    /// <summary>The next message to send, left in the queue (for tests).</summary>
    public bool TryPeek(out Outbound message)
    {
        lock (_gate)
        {
            message = _count == 0 ? default : _ring[_head];
            return _count > 0;
        }
    }

    public bool TryDequeue(out Outbound message)
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                message = default;
                return false;
            }

            message = _ring[_head];
            _ring[_head] = default;
            _head = (_head + 1) % _ring.Length;
            _count--;
            return true;
        }
    }

    /// <summary>Waits until something may have been queued (callers then <see cref="TryDequeue"/> until it answers false).</summary>
    public ValueTask WaitAsync(CancellationToken cancellationToken) => _signal.WaitAsync(cancellationToken);

    public async ValueTask<Outbound> DequeueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryDequeue(out var message))
            {
                return message;
            }

            await WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        // Nothing to release: the signal holds no handle. Kept so that the connection's ownership stays explicit.
    }

    private ref Outbound At(int index) => ref _ring[(_head + index) % _ring.Length];

    private bool TryReplace(string key, in Outbound message)
    {
        // From the newest: while conflating there is at most one queued message per key, and it is near the tail.
        for (var i = _count - 1; i >= 0; i--)
        {
            ref var queued = ref At(i);
            if (string.Equals(queued.ConflationKey, key, StringComparison.Ordinal))
            {
                queued = message;
                return true;
            }
        }

        return false;
    }

    private void Push(in Outbound message)
    {
        if (_count == _ring.Length)
        {
            var grown = new Outbound[_ring.Length * 2];
            for (var i = 0; i < _count; i++)
            {
                grown[i] = At(i);
            }

            _ring = grown;
            _head = 0;
        }

        At(_count) = message;
        _count++;
    }

    private int FoldByKey()
    {
        // Keep the newest message of each key (walking from the tail), and everything without a key, in order.
        _keysSeen.Clear();
        var kept = _count;
        var write = _count - 1;
        for (var read = _count - 1; read >= 0; read--)
        {
            var message = At(read);
            if (message.ConflationKey is { } key && !_keysSeen.Add(key))
            {
                kept--;
                continue;
            }

            At(write--) = message;
        }

        var folded = _count - kept;
        for (var i = 0; i < folded; i++)
        {
            At(i) = default;
        }

        _head = (_head + folded) % _ring.Length;
        _count = kept;
        return folded;
    }
}
