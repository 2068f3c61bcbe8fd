namespace TradingPlatform.Api.Monitoring;

/// <summary>
/// Adds what the AppHost says to the live component list: each component gets its resource's state, health and
/// commands (a resource the AppHost has stopped is not running, whatever a cached check says), and every resource
/// without a component (the database) becomes one.
/// </summary>
public static class AppHostComponents
{
    public static IReadOnlyList<ComponentStatus> Merge(
        IReadOnlyList<ComponentStatus> components, IReadOnlyList<AppHostResource> resources, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(time);
        var merged = new List<ComponentStatus>(components.Count + resources.Count);
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var component in components)
        {
            if (ComponentResources.Find(component.Id, resources) is not { } resource)
            {
                merged.Add(component);
                continue;
            }

            shown.Add(resource.Name);
            merged.Add(resource.IsRunning
                ? component with { AppHost = AppHostResourceStatus.From(resource) }
                : component with
                {
                    Status = "error",
                    Running = false,
                    Details = Describe(resource),
                    AppHost = AppHostResourceStatus.From(resource),
                });
        }

        foreach (var resource in resources.Where(r => !shown.Contains(r.Name)))
        {
            var uptime = resource is { IsRunning: true, StartedAt: { } started } ? time.GetUtcNow() - started : (TimeSpan?)null;
            merged.Add(new ComponentStatus(resource.Name, resource.Name, KindOf(resource.Type), StatusOf(resource), resource.IsRunning,
                Uptime.Format(uptime), "unknown", Describe(resource), AppHostResourceStatus.From(resource)));
        }

        return merged;
    }

    private static string StatusOf(AppHostResource resource) =>
        resource.IsHealthy ? "ok" : resource.IsRunning ? "warn" : "error";

    private static string KindOf(string type) => type switch
    {
        "Project" => "service",
        "PostgresDatabase" => "database",
        _ => "server",
    };

    private static string Describe(AppHostResource resource) =>
        $"{resource.State} in the AppHost" + (resource.HealthReason is { Length: > 0 } reason ? $": {reason}" : "");
}
