namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>An open-by-default gate in front of a connection's socket writes (see <see cref="RealtimeConnection.Gate"/>).</summary>
internal sealed class SendGate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _open = Opened();

    public void Shut()
    {
        lock (_lock)
        {
            if (_open.Task.IsCompleted)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void Open()
    {
        lock (_lock)
        {
            _open.TrySetResult();
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        Task task;
        lock (_lock)
        {
            task = _open.Task;
        }

        return task.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource Opened()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }
}
