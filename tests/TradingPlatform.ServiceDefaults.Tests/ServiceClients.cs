using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace TradingPlatform.ServiceDefaults.Tests;

/// <summary>
/// Aspire's client integrations composed as the services compose them (see the Api's, the AiService's and the Worker's
/// AddApplicationServices): Aspire's own health checks off, ServiceDefaults' check of the connection instead, and no
/// connect retries inside the resolution of the RabbitMQ connection.
/// </summary>
internal static class ServiceClients
{
    public static void AddDatabase<TContext>(IHostApplicationBuilder builder, string name = "tradingdb", Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        builder.AddNpgsqlDbContext<TContext>(name, settings => settings.DisableHealthChecks = true, configure);
        builder.AddDatabaseHealthCheck<TContext>(name);
    }

    public static void AddDatabase(IHostApplicationBuilder builder) => AddDatabase<ProbeDbContext>(builder);

    public static void AddCache(IHostApplicationBuilder builder) => AddCache(builder, "cache");

    public static void AddCache(IHostApplicationBuilder builder, string name)
    {
        builder.AddRedisClient(name, settings => settings.DisableHealthChecks = true);
        builder.AddRedisHealthCheck(name);
    }

    public static void AddMessaging(IHostApplicationBuilder builder) => AddMessaging(builder, "messaging");

    public static void AddMessaging(IHostApplicationBuilder builder, string name)
    {
        builder.AddRabbitMQClient(name, settings =>
        {
            settings.DisableHealthChecks = true;
            settings.MaxConnectRetryCount = 0;
        });
        builder.AddRabbitMQHealthCheck(name);
    }
}
