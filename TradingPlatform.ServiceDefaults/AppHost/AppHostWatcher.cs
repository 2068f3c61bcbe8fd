using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TradingPlatform.ServiceDefaults.AppHost;

/// <summary>
/// Polls the AppHost process and stops this service once it is gone. If the graceful stop has not finished
/// <see cref="AppHostWatcherOptions.ExitGracePeriod"/> later, the process exits with code 1.
/// </summary>
internal sealed class AppHostWatcher(
    IOptions<AppHostWatcherOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<AppHostWatcher> logger) : BackgroundService
{
    private ITimer? _forcedExit;

    /// <summary>What the forced exit calls; tests replace it, since exiting would end the test run.</summary>
    internal Action<int> Exit { get; init; } = Environment.Exit;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var appHost = WatchedProcess.Find(settings.ProcessId);
        if (appHost is not null)
        {
            using var timer = new PeriodicTimer(settings.PollInterval, timeProvider);
            while (appHost.IsRunning())
            {
                // Throws OperationCanceledException when the host stops for another reason, which ends the loop.
                await timer.WaitForNextTickAsync(stoppingToken);
            }
        }

        logger.LogWarning("The AppHost (process {ProcessId}) has exited; stopping this service.", settings.ProcessId);

        // Armed before stopping, so that a hosted service that hangs while stopping cannot keep us alive.
        Volatile.Write(ref _forcedExit, timeProvider.CreateTimer(
            _ => ForceExit(settings.ExitGracePeriod), state: null, settings.ExitGracePeriod, Timeout.InfiniteTimeSpan));
        lifetime.StopApplication();
    }

    private void ForceExit(TimeSpan gracePeriod)
    {
        logger.LogCritical("Still running {GracePeriod} after the AppHost exited; exiting now.", gracePeriod);
        Exit(1);
    }

    public override void Dispose()
    {
        // The host is disposed only after it has stopped: the graceful stop worked, so the forced exit must not
        // fire (in a test process it would end the whole run).
        Volatile.Read(ref _forcedExit)?.Dispose();
        base.Dispose();
    }
}
