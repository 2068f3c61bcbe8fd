using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Gpus;

namespace TradingPlatform.AiService.Extensions;

internal static class Extensions
{
    /// <summary>The AiService's dependencies, named as the AppHost names its resources.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<AiDbContext>("tradingdb");
        builder.AddRedisClient("cache");
        builder.AddRabbitMQClient("messaging");
        builder.Services.AddSingleton<GpuProbe>();
    }
}
