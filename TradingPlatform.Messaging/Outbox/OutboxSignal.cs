namespace TradingPlatform.Messaging.Outbox;

/// <summary>
/// Wakes this process's relay after a commit, so an event is published at once rather than at the next poll. Signals
/// coalesce: any number of commits while the relay works cause one more pass.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // A pass is already due.
        }
    }

    public void Dispose() => _pending.Dispose();

    /// <summary>Returns when notified or after <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}
