using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Data;

namespace TradingPlatform.AiService.Costs;

/// <summary>
/// Inserts the records <see cref="AiCallMeter"/> queued, as many as are waiting in one batch (up to
/// <see cref="AiCostOptions.WriteBatchSize"/>), so that metering costs the request path no database round trip. A batch
/// the database refuses is retried (a retry first leaves out the records a lost acknowledgement hid, so none is stored
/// twice) and then logged record by record. Stopping stores what is still queued before the database goes away.
/// </summary>
internal sealed class AiCallWriter(AiCallMeter meter, IServiceScopeFactory scopes, IOptionsMonitor<AiCostOptions> options) : IHostedService, IDisposable
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)];

    private readonly CancellationTokenSource _stopping = new();
    private Task _writing = Task.CompletedTask;

    // Not a BackgroundService: its loop never starts when the host stops at once, and this one must drain the queue.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writing = Task.Run(WriteQueuedAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Completes the queue and waits until what it held is stored (or the host's stop timeout runs out).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        meter.Complete();
        await _stopping.CancelAsync();
        try
        {
            await _writing.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's stop timeout ran out first: what is still queued is not stored, and says so.
            meter.Abandon();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task WriteQueuedAsync()
    {
        // The loop ends when the queue completes (StopAsync), after it wrote what was queued.
        var reader = meter.Queued;
        var batch = new List<AiCallRecord>();
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            var size = options.CurrentValue.WriteBatchSize;
            while (batch.Count < size && reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            await WriteAsync(batch, _stopping.Token);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<AiCallRecord> batch, CancellationToken stopping)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
                if (attempt > 0)
                {
                    // The failed attempt may have committed before its acknowledgement was lost: store only the rest.
                    var ids = batch.Select(r => r.Id).ToList();
                    var stored = await db.AiCallRecords.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToHashSetAsync(CancellationToken.None);
                    db.AiCallRecords.AddRange(batch.Where(r => !stored.Contains(r.Id)));
                }
                else
                {
                    db.AiCallRecords.AddRange(batch);
                }

                await db.SaveChangesAsync(CancellationToken.None);
                meter.Stored([.. batch]);
                return;
            }
#pragma warning disable CA1031 // A refused batch is retried, then logged record by record; the writer goes on.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                if (attempt >= RetryDelays.Length || stopping.IsCancellationRequested)
                {
                    meter.NotStored([.. batch], exception);
                    return;
                }

                await Task.Delay(RetryDelays[attempt], CancellationToken.None);
            }
        }
    }
}
