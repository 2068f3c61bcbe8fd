using System.Threading.Channels;

namespace TradingPlatform.AiService.Data;

/// <summary>
/// Drains an in-memory queue of rows into the database in batches, off the request path (the AI call records, the
/// served predictions). Not a BackgroundService: its loop never starts when the host stops at once, and a queue must be
/// drained whatever happens. Stopping completes the queue and waits until what it held was written, or until the
/// host's stop timeout, after which <see cref="Abandon"/> hears of what is left.
/// </summary>
internal abstract class QueueWriter<T>(ChannelReader<T> reader, Action complete) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _writing = Task.CompletedTask;

    /// <summary>Rows written in one batch, at most.</summary>
    protected abstract int BatchSize { get; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writing = Task.Run(WriteQueuedAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        complete();
        await _stopping.CancelAsync();
        try
        {
            await _writing.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var left = new List<T>();
            while (reader.TryRead(out var row))
            {
                left.Add(row);
            }

            Abandon(left);
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes one batch; <paramref name="stopping"/> is cancelled once the service stops (skip retries then). Must not throw.</summary>
    protected abstract Task WriteAsync(IReadOnlyList<T> batch, CancellationToken stopping);

    /// <summary>The host's stop timeout ran out with <paramref name="rows"/> still queued: they are not written.</summary>
    protected abstract void Abandon(IReadOnlyList<T> rows);

    private async Task WriteQueuedAsync()
    {
        // The loop ends when the queue completes (StopAsync), after it wrote what was queued.
        var batch = new List<T>();
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < BatchSize && reader.TryRead(out var row))
            {
                batch.Add(row);
            }

            await WriteAsync([.. batch], _stopping.Token);
            batch.Clear();
        }
    }
}
