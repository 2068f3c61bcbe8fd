using Microsoft.EntityFrameworkCore;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.ServiceDefaults.Data;

namespace TradingPlatform.Worker.Analytics;

internal static class AnalyticsExtensions
{
    /// <summary>The Worker's consumer; its queue is <c>worker.analytics</c>.</summary>
    public const string ConsumerName = "worker.analytics";

    public const string MigrationsHealthCheckName = "analytics-migrations";

    /// <summary>Fill statistics from <see cref="OrderFilledIntegrationEvent"/>s, in the Worker's own analytics schema.</summary>
    public static void AddAnalytics(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<AnalyticsDbContext>("tradingdb", options => options.UseNpgsql(AnalyticsDbContext.ConfigureNpgsql));
        // The Worker owns the analytics schema: it migrates it, and its consumer starts once that is done.
        builder.Services.AddSchemaMigrations<AnalyticsDbContext>(MigrationsHealthCheckName, "analytics store");
        builder.Services.AddSingleton<IMessagingStartGate>(sp => new TaskStartGate(sp.GetRequiredService<SchemaStatus<AnalyticsDbContext>>().Completion));
        builder.Services.AddScoped<IIntegrationEventHandler<OrderFilledIntegrationEvent>, FillStatisticsHandler>();
        builder.Services.AddIntegrationEventConsumer<AnalyticsDbContext>(ConsumerName);
    }
}
