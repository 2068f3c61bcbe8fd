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

    /// <summary>Fill statistics from the fills of <see cref="AccountChangedIntegrationEvent"/>s, in the Worker's own analytics schema.</summary>
    public static void AddAnalytics(this IHostApplicationBuilder builder)
    {
        // Same database as TradingDbContext, own schema and migrations history; UseNpgsql without a connection string adds
        // to the options Aspire configured. The Worker's one "tradingdb" check covers this context too.
        builder.AddNpgsqlDbContext<AnalyticsDbContext>("tradingdb", settings => settings.DisableHealthChecks = true,
            options => options.UseNpgsql(AnalyticsDbContext.ConfigureNpgsql));
        builder.AddDatabaseHealthCheck<AnalyticsDbContext>("tradingdb");
        // The Worker owns the analytics schema: it migrates it, and its consumer starts once that is done.
        builder.Services.AddSchemaMigrations<AnalyticsDbContext>(MigrationsHealthCheckName, "analytics store");
        builder.Services.AddSingleton<IMessagingStartGate>(sp => new TaskStartGate(sp.GetRequiredService<SchemaStatus<AnalyticsDbContext>>().Completion));
        builder.Services.AddScoped<IIntegrationEventHandler<AccountChangedIntegrationEvent>, FillStatisticsHandler>();
        builder.Services.AddIntegrationEventConsumer<AnalyticsDbContext>(ConsumerName);
    }
}
