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
internal sealed class AiCallWriter(AiCallMeter meter, IServiceScopeFactory scopes, IOptionsMonitor<AiCostOptions> options)
    : QueueWriter<AiCallRecord>(meter.Queued, meter.Complete)
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)];

    protected override int BatchSize => options.CurrentValue.WriteBatchSize;

    protected override void Abandon(IReadOnlyList<AiCallRecord> rows) => meter.NotStored(rows, null, "the service stopped before it was written");

    protected override async Task WriteAsync(IReadOnlyList<AiCallRecord> batch, CancellationToken stopping)
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
                meter.Stored(batch);
                return;
            }
#pragma warning disable CA1031 // A refused batch is retried, then logged record by record; the writer goes on.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                if (attempt >= RetryDelays.Length || stopping.IsCancellationRequested)
                {
                    meter.NotStored(batch, exception, "the database refused it");
                    return;
                }

                await Task.Delay(RetryDelays[attempt], CancellationToken.None);
            }
        }
    }
}
