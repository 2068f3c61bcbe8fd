using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TradingPlatform.Messaging.Consumers;
using TradingPlatform.Messaging.DeadLetters;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Messaging.Relay;

namespace TradingPlatform.Messaging;

/// <summary>
/// Registration. A service that writes events calls <see cref="AddOutbox{TContext}"/> (and adds
/// <see cref="OutboxCommitInterceptor.Instance"/> to the context's options so commits wake the relay); a service that
/// consumes calls <see cref="AddIntegrationEventConsumer{TContext}"/> and registers its
/// <see cref="IIntegrationEventHandler{TEvent}"/>s. Both need Aspire's <c>AddRabbitMQClient("messaging")</c>.
/// </summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="IOutbox"/> writing to <typeparamref name="TContext"/> (which must call <c>modelBuilder.AddOutbox</c>),
    /// the relay that publishes it, and <see cref="OutboxStatusReader{TContext}"/>.
    /// </summary>
    public static IServiceCollection AddOutbox<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddMessagingOptions();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddScoped<IOutbox, Outbox<TContext>>();
        services.TryAddScoped<OutboxStatusReader<TContext>>();
        services.AddHostedService<OutboxRelay<TContext>>();
        return services;
    }

    /// <summary>
    /// A consumer named <paramref name="name"/> (unless <see cref="MessagingOptions.ConsumerName"/> overrides it) whose
    /// inbox is in <typeparamref name="TContext"/> (which must call <c>modelBuilder.AddInbox</c>). It consumes every
    /// contract for which an <see cref="IIntegrationEventHandler{TEvent}"/> is registered, whenever that happens.
    /// </summary>
    public static IServiceCollection AddIntegrationEventConsumer<TContext>(this IServiceCollection services, string name)
        where TContext : DbContext
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.AddMessagingOptions();
        var registration = new ConsumerRegistration(name);
        services.AddSingleton(registration);
        services.TryAddSingleton<DeadLetterBrowser>();
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp =>
            ActivatorUtilities.CreateInstance<IntegrationEventConsumer<TContext>>(sp, registration));
        return services;
    }

    private static void AddMessagingOptions(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        if (services.All(d => d.ServiceType != typeof(MessagingOptionsMarker)))
        {
            services.AddSingleton<MessagingOptionsMarker>();
            services.AddOptions<MessagingOptions>().BindConfiguration(nameof(MessagingOptions)).ValidateDataAnnotations().ValidateOnStart();
        }
    }

    /// <summary>Makes the options registration idempotent.</summary>
    private sealed class MessagingOptionsMarker;
}
