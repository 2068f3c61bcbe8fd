using TradingPlatform.Api.Market;
using TradingPlatform.Api.Realtime.Auth;
using TradingPlatform.Api.Realtime.Connections;
using TradingPlatform.Api.Realtime.Fanout;
using TradingPlatform.Api.Realtime.Handlers;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Realtime;

public static class RealtimeExtensions
{
    /// <summary>
    /// The WebSocket protocol: options, this replica's connection registry, the Redis fan-out (user-channel log,
    /// public/price publisher and the subscriber that feeds local connections), the price tick bridge, system status
    /// broadcasts, and the integration-event handlers the messaging consumer dispatches to.
    /// </summary>
    public static IHostApplicationBuilder AddRealtime(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RealtimeOptions>().BindConfiguration(RealtimeOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<RealtimeMetrics>();
        services.AddSingleton<ConnectionRegistry>();
        services.AddSingleton<SubscriberIndex>();
        services.AddSingleton<SocketAuthenticator>();
        services.AddSingleton<AccountOwnership>();
        services.AddSingleton<UserChannelLog>();
        services.AddSingleton<PublicChannelPublisher>();
        services.AddSingleton<SnapshotProvider>();
        services.AddSingleton<SystemStatusSource>();
        services.AddSingleton<RealtimeServices>();
        services.AddSingleton<ITickSubscriber, PriceTickPublisher>();
        services.AddHostedService<RealtimeFanout>();
        services.AddHostedService<SystemStatusBroadcaster>();

        services.AddScoped<IIntegrationEventHandler<AccountChangedIntegrationEvent>, AccountChangedHandler>();
        services.AddScoped<IIntegrationEventHandler<SignalGeneratedIntegrationEvent>, SignalGeneratedHandler>();
        services.AddScoped<IIntegrationEventHandler<BacktestProgressedIntegrationEvent>, BacktestProgressedHandler>();
        services.AddScoped<IIntegrationEventHandler<BacktestCompletedIntegrationEvent>, BacktestCompletedHandler>();
        services.AddScoped<IIntegrationEventHandler<ModelActivatedIntegrationEvent>, ModelActivatedHandler>();
        services.AddScoped<IIntegrationEventHandler<NewsPublishedIntegrationEvent>, NewsPublishedHandler>();
        return builder;
    }
}
