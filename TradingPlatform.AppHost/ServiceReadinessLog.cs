using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TradingPlatform.AppHost;

/// <summary>
/// Says on the console when each service becomes healthy, with its URL (Aspire shows it only in the dashboard), so a
/// terminal user, a script or a test knows when the stack is ready: "api is running and healthy at http://localhost:8000".
/// </summary>
internal sealed class ServiceReadinessLog(ResourceNotificationService notifications, ILogger<ServiceReadinessLog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var announced = new Dictionary<string, DateTime?>(StringComparer.Ordinal);
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                var snapshot = update.Snapshot;
                if (update.Resource is not ProjectResource
                    || snapshot.State?.Text != KnownResourceStates.Running
                    || snapshot.HealthStatus != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                    || (announced.TryGetValue(update.ResourceId, out var start) && start == snapshot.StartTimeStamp))
                {
                    continue;
                }

                announced[update.ResourceId] = snapshot.StartTimeStamp;
                var url = snapshot.Urls.FirstOrDefault(u => !u.IsInternal && !u.IsInactive)?.Url ?? "(no URL)";
                logger.LogInformation("{Resource} is running and healthy at {Url}", update.Resource.Name, url);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
