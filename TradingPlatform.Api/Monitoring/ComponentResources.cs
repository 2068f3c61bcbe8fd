namespace TradingPlatform.Api.Monitoring;

/// <summary>Which AppHost resource a component of <c>/api/status</c> is: same name, or for a server, its type.</summary>
public static class ComponentResources
{
    private static readonly Dictionary<string, string> ServerTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ComponentIds.Postgres] = "Postgres",
        [ComponentIds.Redis] = "Redis",
        [ComponentIds.RabbitMQ] = "RabbitMQ",
    };

    public static AppHostResource? Find(string componentId, IReadOnlyList<AppHostResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return resources.FirstOrDefault(r => r.Name == componentId)
               ?? (ServerTypes.TryGetValue(componentId, out var type) ? resources.FirstOrDefault(r => r.Type == type) : null);
    }

    /// <summary>The component id that shows the resource: its server kind for a server, its own name otherwise.</summary>
    public static string ComponentIdOf(AppHostResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return ServerTypes.FirstOrDefault(s => s.Value == resource.Type).Key ?? resource.Name;
    }
}
