using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Aspire.Hosting;
using Microsoft.Extensions.Logging;

namespace TradingPlatform.Hosting.LocalServers.Supervision;

/// <summary>
/// Restarts a service or a local server that crashed, with back-off (1, 2, 4 … 30 s), and says so on the console and in the resource's
/// own log. Aspire leaves an exited process exited; this watches its resource events and uses its start command.
/// A crash is an exit with a non-zero code, not preceded by Stopping, while the AppHost is not stopping; a stop someone
/// asked for (the dashboard's Stop, a stop command) and a clean exit (code 0) are left alone.
/// </summary>
internal sealed class CrashRestartService(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService resourceLogs,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<CrashRestartService> logger) : BackgroundService
{
    /// <summary>A service that ran this long before crashing starts its back-off from the beginning again.</summary>
    private static readonly TimeSpan StableRun = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, CrashHistory> _history = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Resources seen Stopping since they last ran: their exit is a stop someone asked for (the dashboard's
            // Stop, a stop command), not a crash.
            var stopping = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                var state = update.Snapshot.State?.Text;
                if (state == KnownResourceStates.Stopping)
                {
                    stopping.Add(update.ResourceId);
                }
                else if (state == KnownResourceStates.Starting || state == KnownResourceStates.Running)
                {
                    stopping.Remove(update.ResourceId);
                }

                if (update.Resource is ProjectResource or ExecutableResource && !stopping.Contains(update.ResourceId)
                    && IsCrash(update.Snapshot) && !lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    var history = _history.GetOrAdd(update.Resource.Name, _ => new CrashHistory());
                    if (history.Claim(update.Snapshot))
                    {
                        _ = RestartAsync(update.Resource, update.Snapshot, history, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static readonly string[] EndStates = [KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart];

    private static bool IsCrash(CustomResourceSnapshot snapshot) =>
        EndStates.Contains(snapshot.State?.Text) && snapshot.ExitCode is not 0;

    private async Task RestartAsync(IResource resource, CustomResourceSnapshot snapshot, CrashHistory history, CancellationToken stoppingToken)
    {
        var ranFor = snapshot.StartTimeStamp is { } started && snapshot.StopTimeStamp is { } stopped ? stopped - started : TimeSpan.Zero;
        var delay = history.NextDelay(ranFor >= StableRun);
        var line = $"{resource.Name} exited with code {snapshot.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} " +
                   $"({snapshot.State?.Text}); restarting it in {delay.TotalSeconds:0} s (restart {history.Count})";
        logger.LogWarning("{Line}", line);
        resourceLogs.GetLogger(resource).LogWarning("{Line}", line);
        try
        {
            await Task.Delay(delay, time, stoppingToken);
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return;
            }

            var result = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, stoppingToken);
            if (!result.Success)
            {
                logger.LogWarning("{Resource}: the restart failed: {Reason}", resource.Name, result.Message);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            history.Release();
        }
    }
}
