using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Identity.Seeding;
using TradingPlatform.ServiceDefaults.HealthChecks;

namespace TradingPlatform.Api.Identity.Data;

/// <summary>
/// Applies the identity migrations at start-up, retrying while the database is unreachable: a database that starts
/// after the Api (or restarts) must delay readiness, never crash the process. Concurrent replicas are safe: EF Core
/// takes a database lock around migrating.
/// </summary>
internal sealed class IdentityMigrationService(
    IServiceScopeFactory scopes,
    IdentityMigrationStatus status,
    TimeProvider time,
    ILogger<IdentityMigrationService> logger) : BackgroundService
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
                var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
                await db.Database.MigrateAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<DevelopmentUserSeeder>().SeedAsync(stoppingToken);
                status.MarkCompleted();
                logger.LogInformation("Identity schema is up to date");
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                status.MarkFailed(FailureDescription.From(exception));
                logger.LogWarning(exception, "Applying the identity migrations failed; retrying in {Delay}", delay);
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
