using TradingPlatform.AiService.Analysis;
using TradingPlatform.AiService.Chat;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Gpus;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.AiService.Forecasting;
using TradingPlatform.AiService.Forecasting.Predictions;
using TradingPlatform.AiService.Inference;
using TradingPlatform.AiService.Knowledge;
using TradingPlatform.AiService.Security;
using TradingPlatform.AiService.Training;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.AiService.Sentiment;
using TradingPlatform.AiService.Messaging;
using TradingPlatform.AiService.News;
using TradingPlatform.Messaging.Outbox;

namespace TradingPlatform.AiService.Extensions;

internal static class Extensions
{
    /// <summary>The AiService's dependencies, named as the AppHost names its resources.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Aspire's client integrations, with their own health checks off: ServiceDefaults' checks, one per connection
        // and named after it, replace them (DependencyHealthCheckExtensions says why).
        builder.AddNpgsqlDbContext<AiDbContext>("tradingdb", settings => settings.DisableHealthChecks = true,
            options => options.UseNpgsql(AiDbContext.ConfigureNpgsql).AddInterceptors(OutboxCommitInterceptor.Instance));
        builder.AddDatabaseHealthCheck<AiDbContext>("tradingdb");
        // The AiService owns the ai schema: it migrates it at start, and readiness waits for that.
        builder.Services.AddSchemaMigrations<AiDbContext>("ai-migrations", "AI store");
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
        builder.AddAiMessaging();
        builder.Services.AddSingleton<GpuProbe>();
        builder.AddInference();
        builder.AddAccessTokens();
        builder.AddForecasting();
        builder.AddPredictions();
        builder.AddTraining();
        builder.AddSentiment();
        builder.AddNews();
        builder.AddAnalysis();
        builder.AddAiCosts();
        builder.AddChat();
        builder.AddKnowledgeBase();
    }
}
