using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Ai;
using TradingPlatform.Api.Analysis;
using TradingPlatform.Api.Backtests;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Infrastructure;
using TradingPlatform.Api.Infrastructure.OpenApi;
using TradingPlatform.Api.Infrastructure.RateLimiting;
using TradingPlatform.Api.Market;
using TradingPlatform.Api.Mcp;
using TradingPlatform.Api.Messaging;
using TradingPlatform.Api.Monitoring;
using TradingPlatform.Api.Optimizations;
using TradingPlatform.Api.Realtime;
using TradingPlatform.Api.Signals;
using TradingPlatform.Api.Strategies;
using TradingPlatform.Api.Strategies.Live;
using TradingPlatform.Api.Trading;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.ServiceDefaults.HealthChecks;
using TradingPlatform.ServiceDefaults.Redis;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Extensions;

/// <summary>
/// The whole composition of the Api in one place: its services, its middleware pipeline and its endpoints.
/// <c>Program.cs</c> calls the three and nothing else; each feature adds its own parts through its own extensions.
/// </summary>
internal static class Extensions
{
    public const string TradingMigrationsHealthCheckName = "trading-migrations";

    /// <summary>Every service of the Api, after <c>AddServiceDefaults</c>.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddApiConventions();
        builder.AddApiDocumentation();
        builder.AddDependencies();
        builder.AddRedisRateLimiting();
        builder.AddIdentityServices();
        builder.AddSystemStatus();
        builder.AddStrategies();
        builder.AddSignals();
        builder.AddConfigAnalysis();
        builder.AddBacktests();
        builder.AddOptimizations();
        builder.AddAiServiceClient();
        builder.AddMarket();
        builder.AddTrading();
        builder.AddLiveStrategies();
        builder.AddMessaging();
        builder.AddRealtime();
        builder.AddMcpTools();
        return builder;
    }

    /// <summary>The middleware, in order: conventions (headers, errors, body limit, CORS), routing, auth, rate limits, sockets.</summary>
    public static WebApplication UseApplicationPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseApiConventions();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRedisRateLimiting();
        app.UseWebSockets();
        return app;
    }

    /// <summary>Every endpoint of the Api: health, documentation, REST, WebSocket and MCP.</summary>
    public static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapDefaultEndpoints();
        app.MapApiDocumentation();
        app.MapSystemStatusApi();
        app.MapIdentityApi();
        app.MapMarketApi();
        app.MapTradingEndpoints();
        app.MapStrategiesApi();
        app.MapSignalsApi();
        app.MapBacktestsApi();
        app.MapOptimizationsApi();
        app.MapConfigAnalysisApi();
        app.MapConfigSuggestionsApi();
        app.MapAiModelsApi();
        app.MapAiPredictionsApi();
        app.MapAiSentimentApi();
        app.MapAiCostsApi();
        app.MapAiAnalysisApi();
        app.MapAiChatApi();
        app.MapMessagingApi();
        app.MapRealtimeApi();
        app.MapMcpServer();
        return app;
    }

    /// <summary>The Api's dependencies, named as the AppHost names its resources.</summary>
    private static void AddDependencies(this IHostApplicationBuilder builder)
    {
        // Aspire's client integrations, with their own health checks off: ServiceDefaults' checks, one per connection
        // and named after it, replace them (DependencyHealthCheckExtensions says why).
        // Commits of the trading context wake the outbox relay, so events are published at once; the account store
        // locks and loads an account in one command.
        builder.AddNpgsqlDbContext<TradingDbContext>("tradingdb", settings => settings.DisableHealthChecks = true, options =>
            options.UseNpgsql(TradingDbContext.ConfigureNpgsql).AddInterceptors(OutboxCommitInterceptor.Instance, AccountLockInterceptor.Instance));
        builder.AddDatabaseHealthCheck<TradingDbContext>("tradingdb");
        builder.Services.AddSchemaMigrations<TradingDbContext>(TradingMigrationsHealthCheckName, "trading store");
        builder.AddRedisClient("cache", settings => settings.DisableHealthChecks = true);
        builder.AddRedisHealthCheck("cache");
        builder.AddRedisNamespace();
        // No connect retries inside the resolution of IConnection: the relay and the consumers retry with their own
        // back-off, and the health probe must report the broker's error at once rather than after Aspire's ~30 s.
        builder.AddRabbitMQClient("messaging", settings =>
        {
            settings.DisableHealthChecks = true;
            settings.MaxConnectRetryCount = 0;
        });
        builder.AddRabbitMQHealthCheck("messaging");
    }

    private static void AddAiServiceClient(this IHostApplicationBuilder builder)
    {
        // "http://ai" is resolved by service discovery from `services:ai:http:0`, which the AppHost injects.
        // The standard handler's 10 s attempt timeout and blind retries suit neither long AI calls (chat,
        // training) nor a health probe that must report a refused connection at once; AI calls bring their
        // own policies with their endpoints. RemoveAllResilienceHandlers is the documented way to opt one client
        // out of ConfigureHttpClientDefaults' handler, but it is still marked experimental (EXTEXP0001).
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient<AiServiceClient>(client => client.BaseAddress = AiServiceClient.BaseAddress)
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        builder.Services.AddHealthChecks().AddCheck<AiServiceHealthCheck>(
            AiServiceClient.ServiceName,
            failureStatus: null,
            tags: DependencyHealthChecks.Tags,
            timeout: DependencyHealthChecks.Timeout);
    }
}
