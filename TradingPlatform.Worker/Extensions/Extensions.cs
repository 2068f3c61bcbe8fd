using Microsoft.EntityFrameworkCore;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Worker.Analysis;
using TradingPlatform.Worker.Backtests;
using TradingPlatform.Worker.Maintenance;
using TradingPlatform.Worker.Optimizations;
using TradingPlatform.Worker.Trading;
using TradingPlatform.Worker.Analytics;
using TradingPlatform.Worker.Dashboard;
using TradingPlatform.Worker.Jobs;

namespace TradingPlatform.Worker.Extensions;

internal static class Extensions
{
    /// <summary>The Worker's dependencies, named as the AppHost names its resources.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Aspire's client integrations, with their own health checks off: ServiceDefaults' checks, one per connection
        // and named after it, replace them (DependencyHealthCheckExtensions says why).
        // The account store (expiry and funding) locks and loads an account in one command.
        builder.AddNpgsqlDbContext<TradingDbContext>("tradingdb", settings => settings.DisableHealthChecks = true,
            options => options.UseNpgsql(TradingDbContext.ConfigureNpgsql).AddInterceptors(AccountLockInterceptor.Instance));
        builder.AddDatabaseHealthCheck<TradingDbContext>("tradingdb");
        builder.AddRedisClient("cache", settings => settings.DisableHealthChecks = true);
        builder.AddRedisHealthCheck("cache");
        // No connect retries inside the resolution of IConnection: the consumer retries with its own back-off, and the
        // health probe must report the broker's error at once rather than after Aspire's ~30 s of retries.
        builder.AddRabbitMQClient("messaging", settings =>
        {
            settings.DisableHealthChecks = true;
            settings.MaxConnectRetryCount = 0;
        });
        builder.AddRabbitMQHealthCheck("messaging");
        builder.AddAnalytics();
        builder.AddTradingOutbox();
        builder.AddBacktests();
        builder.AddOptimizations();
        builder.AddMaintenance();
        builder.AddConfigAnalysis();
        builder.AddJobs();
        builder.AddJobsDashboard();
    }
}
