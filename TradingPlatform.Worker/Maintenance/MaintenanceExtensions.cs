namespace TradingPlatform.Worker.Maintenance;

internal static class MaintenanceExtensions
{
    /// <summary>The maintenance jobs the recurring schedule (<see cref="Jobs.RecurringJobs"/>) calls.</summary>
    public static IHostApplicationBuilder AddMaintenance(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IStuckRunsJob, StuckRunsJob>();
        return builder;
    }
}
