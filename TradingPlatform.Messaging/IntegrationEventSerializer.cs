using System.Text.Json;

namespace TradingPlatform.Messaging;

/// <summary>The wire format of integration events: JSON with web defaults (camelCase), as the REST API writes.</summary>
public static class IntegrationEventSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), Options);
    }

    /// <exception cref="JsonException">The body is not a valid <paramref name="type"/>.</exception>
    public static IntegrationEvent Deserialize(ReadOnlySpan<byte> body, Type type) =>
        JsonSerializer.Deserialize(body, type, Options) as IntegrationEvent
        ?? throw new JsonException($"The body is not a {type.Name}.");
}
