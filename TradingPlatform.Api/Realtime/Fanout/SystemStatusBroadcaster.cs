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
    ConnectionRegistry registry,
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
                var listeners = registry.All.Where(c => c.IsSubscribed(RealtimeChannels.System)).ToList();
                if (listeners.Count == 0)
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
                    foreach (var connection in listeners)
                    {
                        connection.DeliverPublic(RealtimeChannels.System, null, null, body, "system");
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
