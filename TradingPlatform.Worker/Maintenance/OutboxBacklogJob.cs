using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Worker.Maintenance;

/// <summary>
/// The safety net behind the outbox relay. The relay (in the Api) publishes within about a second and retries a
/// broker outage by itself, so an event that has waited longer than <see cref="Threshold"/> means that no relay runs
/// or that the broker refuses it: the orders, fills and backtest results it announces are stored, but no WebSocket
/// client hears of them. Every minute this reads the backlog and warns, with the next event's last error, until it
/// drains. Nothing is republished from here: the relay keeps the order, and a second publisher would break it.
/// </summary>
internal sealed class OutboxBacklogJob(TradingDbContext db, TimeProvider time, ILogger<OutboxBacklogJob> logger) : IOutboxBacklogJob
{
    public static readonly TimeSpan Threshold = TimeSpan.FromMinutes(1);

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var status = await new OutboxStatusReader<TradingDbContext>(db, time).ReadAsync(cancellationToken);
        if (status.OldestPendingAge is not { } age || age <= Threshold)
        {
            return $"{status.Pending} event(s) waiting; none older than {Threshold.TotalSeconds:0} s.";
        }

        logger.LogWarning(
            "The trading outbox is behind: {Pending} event(s) unsent, the oldest for {Age}; the next one failed {Attempts} time(s), last: {LastError}",
            status.Pending, age, status.NextAttempts, status.NextLastError ?? "none (no relay has tried it)");
        return $"BEHIND: {status.Pending} event(s) unsent, the oldest since {status.OldestPendingAt:u}; next attempts {status.NextAttempts}, last error: {status.NextLastError ?? "none"}.";
    }
}
