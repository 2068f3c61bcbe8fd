using System.Collections.Concurrent;
using System.Reflection;

namespace TradingPlatform.Messaging.Consumers;

/// <summary>Calls <see cref="IIntegrationEventHandler{TEvent}"/> for an event whose type is known only at run time.</summary>
internal static class HandlerInvoker
{
    private static readonly MethodInfo InvokeMethod = typeof(HandlerInvoker).GetMethod(nameof(InvokeAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IntegrationEvent, CancellationToken, Task>> Invokers = new();

    public static Type HandlerType(Type eventType) => typeof(IIntegrationEventHandler<>).MakeGenericType(eventType);

    public static Task HandleAsync(IServiceProvider services, IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var invoker = Invokers.GetOrAdd(integrationEvent.GetType(), type =>
            InvokeMethod.MakeGenericMethod(type).CreateDelegate<Func<IServiceProvider, IntegrationEvent, CancellationToken, Task>>());
        return invoker(services, integrationEvent, cancellationToken);
    }

    private static async Task InvokeAsync<TEvent>(IServiceProvider services, IntegrationEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent
    {
        // Every registered handler of the type runs, in registration order, inside the one transaction.
        foreach (var handler in (IEnumerable<IIntegrationEventHandler<TEvent>>)services.GetService(typeof(IEnumerable<IIntegrationEventHandler<TEvent>>))!)
        {
            await handler.HandleAsync((TEvent)integrationEvent, cancellationToken);
        }
    }
}
