using Microsoft.EntityFrameworkCore;

namespace TradingPlatform.Worker.Analytics;

/// <summary>
/// Applies the analytics migrations at start-up, retrying with back-off while the database is unreachable (a database
/// that starts after the Worker must delay it, never crash it). EF Core's migration lock makes replicas safe.
/// </summary>
internal sealed class AnalyticsMigrationService(
    IServiceScopeFactory scopes, AnalyticsSchema schema, TimeProvider time, ILogger<AnalyticsMigrationService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().Database.MigrateAsync(stoppingToken);
                schema.MarkReady();
                logger.LogInformation("The analytics schema is up to date");
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Applying the analytics migrations failed; retrying in {Delay}", delay);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }
}
