using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Gpus;
using TradingPlatform.AiService.Inference;

namespace TradingPlatform.AiService.Extensions;

internal static class Extensions
{
    /// <summary>The AiService's dependencies, named as the AppHost names its resources.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Aspire's client integrations, with their own health checks off: ServiceDefaults' checks, one per connection
        // and named after it, replace them (DependencyHealthCheckExtensions says why).
        builder.AddNpgsqlDbContext<AiDbContext>("tradingdb", settings => settings.DisableHealthChecks = true);
        builder.AddDatabaseHealthCheck<AiDbContext>("tradingdb");
        builder.AddRedisClient("cache", settings => settings.DisableHealthChecks = true);
        builder.AddRedisHealthCheck("cache");
        // No connect retries inside the resolution of IConnection: the health probe must report the broker's error at
        // once rather than after Aspire's ~30 s of retries.
        builder.AddRabbitMQClient("messaging", settings =>
        {
            settings.DisableHealthChecks = true;
            settings.MaxConnectRetryCount = 0;
        });
        builder.AddRabbitMQHealthCheck("messaging");
        builder.Services.AddSingleton<GpuProbe>();
        builder.AddInference();
        builder.AddSentiment();
    }
}
