using System.Threading.Tasks.Sources;

namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>
/// An auto-reset signal with one waiter (a connection's send loop), reusable without allocating: a
/// <see cref="SemaphoreSlim"/> would allocate a task node for every wait, and the fan-out wakes every connection about
/// ten times a second per symbol. <see cref="Set"/> may come from any thread; <see cref="WaitAsync"/> only from the
/// single reader, which never waits twice at once.
/// </summary>
internal sealed class QueueSignal : IValueTaskSource
{
    private readonly Lock _lock = new();
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _registration;
    private CancellationToken _token;
    private bool _set;
    private bool _waiting;

    /// <summary>Wakes the waiter, or lets its next wait pass at once.</summary>
    public void Set()
    {
        lock (_lock)
        {
            if (!_waiting)
            {
                _set = true;
                return;
            }

            _waiting = false;
        }

        _core.SetResult(true);
    }

    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_set)
            {
                _set = false;
                return ValueTask.CompletedTask;
            }

            _core.Reset();
            _waiting = true;
        }

        // Registrations on one token source reuse their nodes, so this allocates nothing after the first wait.
        _token = cancellationToken;
        _registration = cancellationToken.UnsafeRegister(static state => ((QueueSignal)state!).Cancel(), this);
        return new ValueTask(this, _core.Version);
    }

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    public void GetResult(short token)
    {
        _registration.Unregister();
        _core.GetResult(token);
    }

    private void Cancel()
    {
        lock (_lock)
        {
            if (!_waiting)
            {
                return;
            }

            _waiting = false;
        }

        _core.SetException(new OperationCanceledException(_token));
    }
}
