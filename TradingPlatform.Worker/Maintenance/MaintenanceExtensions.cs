using TradingPlatform.ServiceDefaults.Redis;
using TradingPlatform.Trading.Infrastructure.Market;

namespace TradingPlatform.Worker.Maintenance;

internal static class MaintenanceExtensions
{
    /// <summary>
    /// The maintenance jobs the recurring schedule (<see cref="Jobs.RecurringJobs"/>) calls, with what the trading ones
    /// read: the latest quotes in Redis, under the deployment's key prefix (the Api's <c>Redis:KeyPrefix</c>).
    /// </summary>
    public static IHostApplicationBuilder AddMaintenance(this IHostApplicationBuilder builder)
    {
        builder.AddRedisNamespace();
        builder.Services.AddSingleton<RedisQuoteStore>();
        builder.Services.AddScoped<IStuckRunsJob, StuckRunsJob>();
        builder.Services.AddScoped<IExpiryAndFundingJob, ExpiryAndFundingJob>();
        builder.Services.AddScoped<IEquitySnapshotJob, EquitySnapshotJob>();
        builder.Services.AddScoped<IOutboxBacklogJob, OutboxBacklogJob>();
        builder.Services.AddScoped<ICandleGapsJob, CandleGapsJob>();
        return builder;
    }
}
