using System.Collections.Concurrent;
using System.Reflection;

namespace TradingPlatform.Messaging.Consumers;

/// <summary>Calls <see cref="IIntegrationEventHandler{TEvent}"/> for an event whose type is known only at run time.</summary>
internal static class HandlerInvoker
{
    private static readonly MethodInfo InvokeMethod = typeof(HandlerInvoker).GetMethod(nameof(InvokeAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo NeedsInboxMethod = typeof(HandlerInvoker).GetMethod(nameof(AnyNeedsInbox), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IntegrationEvent, CancellationToken, Task>> Invokers = new();
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, bool>> InboxChecks = new();

    public static Type HandlerType(Type eventType) => typeof(IIntegrationEventHandler<>).MakeGenericType(eventType);

    public static Task HandleAsync(IServiceProvider services, IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var invoker = Invokers.GetOrAdd(integrationEvent.GetType(), type =>
            InvokeMethod.MakeGenericMethod(type).CreateDelegate<Func<IServiceProvider, IntegrationEvent, CancellationToken, Task>>());
        return invoker(services, integrationEvent, cancellationToken);
    }

    /// <summary>
    /// Whether the event's handlers (resolved from <paramref name="services"/>, the message's scope) need the inbox:
    /// true unless every one of them is an <see cref="IIdempotentIntegrationEventHandler{TEvent}"/>.
    /// </summary>
    public static bool NeedsInbox(IServiceProvider services, Type eventType) =>
        InboxChecks.GetOrAdd(eventType, type => NeedsInboxMethod.MakeGenericMethod(type).CreateDelegate<Func<IServiceProvider, bool>>())(services);

    private static IEnumerable<IIntegrationEventHandler<TEvent>> Handlers<TEvent>(IServiceProvider services)
        where TEvent : IntegrationEvent =>
        (IEnumerable<IIntegrationEventHandler<TEvent>>)services.GetService(typeof(IEnumerable<IIntegrationEventHandler<TEvent>>))!;

    private static bool AnyNeedsInbox<TEvent>(IServiceProvider services)
        where TEvent : IntegrationEvent =>
        Handlers<TEvent>(services).Any(handler => handler is not IIdempotentIntegrationEventHandler<TEvent>);

    private static async Task InvokeAsync<TEvent>(IServiceProvider services, IntegrationEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent
    {
        // Every registered handler of the type runs, in registration order (inside the one transaction when there is an inbox).
        foreach (var handler in Handlers<TEvent>(services))
        {
            await handler.HandleAsync((TEvent)integrationEvent, cancellationToken);
        }
    }
}
