using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingPlatform.ServiceDefaults.HealthChecks;

namespace TradingPlatform.ServiceDefaults.Data;

/// <summary>
/// Applies <typeparamref name="TContext"/>'s migrations at start-up, then its seeders, retrying while the database is
/// unreachable: a database that starts after the Api (or restarts) must delay readiness, never crash the process.
/// Concurrent replicas are safe: EF Core takes a database lock around migrating, and seeders are idempotent.
/// </summary>
internal sealed class SchemaMigrationService<TContext>(
    IServiceScopeFactory scopes,
    SchemaStatus<TContext> status,
    TimeProvider time,
    ILogger<SchemaMigrationService<TContext>> logger) : BackgroundService
    where TContext : DbContext
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
                await scope.ServiceProvider.GetRequiredService<TContext>().Database.MigrateAsync(stoppingToken);
                foreach (var seeder in scope.ServiceProvider.GetServices<ISchemaSeeder<TContext>>())
                {
                    await seeder.SeedAsync(stoppingToken);
                }

                status.MarkCompleted();
                logger.LogInformation("The {Schema} schema is up to date", status.DisplayName);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                status.MarkFailed(FailureDescription.From(exception));
                logger.LogWarning(exception, "Applying the {Schema} migrations failed; retrying in {Delay}", status.DisplayName, delay);
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
