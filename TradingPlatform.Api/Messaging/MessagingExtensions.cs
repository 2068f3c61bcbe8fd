using TradingPlatform.ServiceDefaults.Redis;
using TradingPlatform.Messaging;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Messaging;

public static class MessagingExtensions
{
    /// <summary>The Api's consumer; its queue is <c>api.realtime</c>, after the deployment's <c>Redis:KeyPrefix</c>.</summary>
    public const string ConsumerName = "api.realtime";

    /// <summary>
    /// The trading outbox (written by the account book store (TradingPlatform.Trading.Infrastructure) and the signal store, relayed to the exchange)
    /// and the Api's consumer, which consumes whatever contracts have an <see cref="IIntegrationEventHandler{TEvent}"/>
    /// registered (the real-time channels register theirs), with its inbox in <see cref="TradingDbContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The relay and the consumer use tables of the trading schema: they start once its migrations are applied.
        builder.Services.AddSingleton<IMessagingStartGate>(sp => new TaskStartGate(sp.GetRequiredService<SchemaStatus<TradingDbContext>>().Completion));
        builder.Services.AddOutbox<TradingDbContext>();
        // The consumer hands events to the WebSocket fan-out in this deployment's Redis namespace, so the queue is per
        // namespace too: two deployments (or test instances) with different prefixes sharing one queue would take each
        // other's events and deliver them where none of the owner's clients listen. Replicas share the prefix, so they
        // still share the queue as competing consumers.
        builder.Services.AddIntegrationEventConsumer<TradingDbContext>(RedisNamespaceOptions.ReadPrefix(builder.Configuration) + ConsumerName);
        return builder;
    }
}
