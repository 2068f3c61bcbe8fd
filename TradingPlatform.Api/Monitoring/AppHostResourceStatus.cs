namespace TradingPlatform.Api.Monitoring;

/// <summary>What the AppHost says about a component's resource, added to <c>/api/status</c> when the Api runs under it.</summary>
public sealed record AppHostResourceStatus(
    string Resource,
    string State,
    string? Health,
    string? HealthReason,
    int? Pid,
    int Restarts,
    IReadOnlyList<string> Commands)
{
    public static AppHostResourceStatus From(AppHostResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new AppHostResourceStatus(resource.Name, resource.State, resource.Health, resource.HealthReason, resource.Pid,
            resource.Restarts, resource.Commands ?? []);
    }
}
