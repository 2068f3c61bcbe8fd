using Microsoft.EntityFrameworkCore;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Worker.Analytics;

internal static class AnalyticsExtensions
{
    /// <summary>The Worker's consumer; its queue is <c>worker.analytics</c>.</summary>
    public const string ConsumerName = "worker.analytics";

    /// <summary>Fill statistics from <see cref="OrderFilledIntegrationEvent"/>s, in the Worker's own analytics schema.</summary>
    public static void AddAnalytics(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<AnalyticsDbContext>("tradingdb", options => options.UseNpgsql(AnalyticsDbContext.ConfigureNpgsql));
        builder.Services.AddSingleton<AnalyticsSchema>();
        builder.Services.AddSingleton<IMessagingStartGate>(provider => provider.GetRequiredService<AnalyticsSchema>());
        builder.Services.AddHostedService<AnalyticsMigrationService>();
        builder.Services.AddScoped<IIntegrationEventHandler<OrderFilledIntegrationEvent>, FillStatisticsHandler>();
        builder.Services.AddIntegrationEventConsumer<AnalyticsDbContext>(ConsumerName);
    }
}
