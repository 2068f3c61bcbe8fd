using System.Threading.Channels;

namespace TradingPlatform.Messaging.Outbox;

/// <summary>
/// Wakes this process's relay after a commit, so an event is published at once rather than at the next poll. Signals
/// coalesce: any number of commits while the relay works cause one more pass. A channel of one that drops further
/// writes, not a semaphore of one: releasing a full semaphore throws, and that was an exception on most commits under load.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _pending.Writer.TryWrite(true);

    /// <summary>Returns when notified or after <paramref name="timeout"/>; throws when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_pending.Reader.TryRead(out _))
        {
            return;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _pending.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a commit.
        }
    }
}
