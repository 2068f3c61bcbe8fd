using Microsoft.Extensions.Options;
using TradingPlatform.Api.Monitoring;
using TradingPlatform.Api.Realtime.Connections;
using TradingPlatform.Api.Realtime.Protocol;

namespace TradingPlatform.Api.Realtime.Fanout;

/// <summary>
/// Sends <c>system_status</c> to this replica's subscribers of <c>system</c>: every period, and sooner (at the next
/// poll, a fifth of the period) when a component's status changed. Each replica reports to its own clients, so this is
/// local, not fanned out; nothing is computed while nobody listens.
/// </summary>
internal sealed class SystemStatusBroadcaster(
    SystemStatusSource source,
    SubscriberIndex index,
    IOptions<RealtimeOptions> options,
    TimeProvider time,
    ILogger<SystemStatusBroadcaster> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = options.Value.SystemStatusInterval;
        using var timer = new PeriodicTimer(period / 5, time);
        string? last = null;
        var lastSent = time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var listeners = index.For(RealtimeChannels.System);
                if (listeners.Length == 0)
                {
                    continue;
                }

                try
                {
                    var status = await source.GetAsync(stoppingToken);
                    var signature = string.Join(',', status.Components.Values.Select(c => $"{c.Id}={c.Status}"));
                    if (signature == last && time.GetElapsedTime(lastSent) < period)
                    {
                        continue;
                    }

                    last = signature;
                    lastSent = time.GetTimestamp();
                    var body = Envelope.Open(MessageTypes.SystemStatus, status, time.GetUtcNow(), RealtimeChannels.System);
                    foreach (var listener in listeners)
                    {
                        listener.Connection.DeliverBroadcast(listener.Subscription, body, RealtimeChannels.System, 0);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Reading the system status for WebSocket clients failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
