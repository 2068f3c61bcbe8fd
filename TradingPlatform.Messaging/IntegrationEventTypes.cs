using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace TradingPlatform.Messaging;

/// <summary>
/// The known contracts: every concrete <see cref="IntegrationEvent"/> in this assembly, by type name (the message's
/// <c>type</c>) with its routing key. A message whose type is not here cannot be handled and is dead-lettered.
/// </summary>
public static class IntegrationEventTypes
{
    private static readonly FrozenDictionary<string, Type> ByName = typeof(IntegrationEvent).Assembly.GetTypes()
        .Where(type => type.IsSubclassOf(typeof(IntegrationEvent)) && !type.IsAbstract)
        .ToFrozenDictionary(type => type.Name, StringComparer.Ordinal);

    public static IEnumerable<Type> All => ByName.Values;

    public static Type? Find(string? name) => name is not null && ByName.TryGetValue(name, out var type) ? type : null;

    /// <summary>
    /// The routing key of a contract type. <see cref="IntegrationEvent.RoutingKey"/> is an instance property returning a
    /// constant, so an uninitialised instance answers it without a constructor call.
    /// </summary>
    public static string RoutingKeyOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ((IntegrationEvent)RuntimeHelpers.GetUninitializedObject(type)).RoutingKey;
    }
}
