namespace TradingPlatform.Api.Monitoring;

/// <summary>One resource as the AppHost's resource API describes it (the fields the Api uses).</summary>
public sealed record AppHostResource(
    string Name,
    string Type,
    string State,
    string? Health,
    string? HealthReason,
    int? Pid,
    DateTimeOffset? StartedAt,
    int Restarts,
    IReadOnlyList<string>? Commands)
{
    public bool IsRunning => State == "Running";

    public bool IsHealthy => IsRunning && Health == "Healthy";
}
