using Hangfire;

namespace TradingPlatform.Worker.Jobs;

/// <summary>
/// Registers <see cref="RecurringJobs.Declared"/> once the storage answers, retrying with back-off, so that a database
/// that is down at start-up delays the schedules instead of failing the Worker.
/// </summary>
internal sealed class RecurringJobsRegistration(
    IRecurringJobManager manager, JobStorage storage, ILogger<RecurringJobsRegistration> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the recurring jobs are registered; tests await it.</summary>
    public Task Completion => _completed.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Hangfire's storage API is synchronous.
                var removed = await Task.Run(() => RecurringJobs.Register(manager, storage), stoppingToken);
                logger.LogInformation("Registered {Count} recurring job(s); removed {Removed} no longer declared: {RemovedIds}",
                    RecurringJobs.Declared.Count, removed.Count, removed);
                _completed.TrySetResult();
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Once per outage at warning level, then quietly.
                if (failures++ == 0)
                {
                    logger.LogWarning(exception, "Cannot register the recurring jobs yet; retrying: {Message}", exception.Message);
                }
                else
                {
                    logger.LogDebug("Still cannot register the recurring jobs: {Message}", exception.Message);
                }
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }
}
