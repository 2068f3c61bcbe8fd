using Microsoft.EntityFrameworkCore;

namespace TradingPlatform.Messaging.Outbox;

/// <summary>Reads <see cref="OutboxStatus"/> from a context's outbox table.</summary>
public sealed class OutboxStatusReader<TContext>(TContext db, TimeProvider time)
    where TContext : DbContext
{
    public async Task<OutboxStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var outbox = db.Set<OutboxMessage>().AsNoTracking();
        var pending = await outbox.Where(m => m.SentAt == null).LongCountAsync(cancellationToken);
        var next = await outbox.Where(m => m.SentAt == null).OrderBy(m => m.Sequence)
            .Select(m => new { m.OccurredAt, m.Attempts, m.LastError }).FirstOrDefaultAsync(cancellationToken);
        var oldest = pending == 0 ? null : await outbox.Where(m => m.SentAt == null).MinAsync(m => (DateTimeOffset?)m.OccurredAt, cancellationToken);
        var lastSent = await outbox.Where(m => m.SentAt != null).MaxAsync(m => m.SentAt, cancellationToken);
        return new OutboxStatus(pending, oldest, oldest is { } at ? time.GetUtcNow() - at : null, next?.Attempts ?? 0, next?.LastError, lastSent);
    }
}
