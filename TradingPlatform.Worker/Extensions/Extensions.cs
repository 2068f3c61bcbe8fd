using TradingPlatform.Trading.Data;
using TradingPlatform.Worker.Analytics;

namespace TradingPlatform.Worker.Extensions;

internal static class Extensions
{
    /// <summary>The Worker's dependencies, named as the AppHost names its resources.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<TradingDbContext>("tradingdb");
        builder.AddRedisClient("cache");
        builder.AddRabbitMQClient("messaging");
        builder.AddAnalytics();
    }
}
