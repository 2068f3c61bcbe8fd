using TradingPlatform.Hosting.Orchestration;

namespace TradingPlatform.Hosting.ResourceApi;

/// <summary>One resource as the resource API shows it, with the commands that apply to it now.</summary>
public sealed record ResourceView(
    string Name,
    string Type,
    string State,
    string? Health,
    string? HealthReason,
    int? Pid,
    int? ExitCode,
    DateTimeOffset? StartedAt,
    int Restarts,
    string? Source,
    bool IsExternal,
    IReadOnlyList<string> Urls,
    IReadOnlyList<string> Commands)
{
    public static ResourceView From(ResourceSnapshot snapshot, IReadOnlyList<string> commands)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new ResourceView(snapshot.Name, snapshot.ResourceType, snapshot.State.ToString(), snapshot.Health?.ToString(),
            snapshot.HealthReason, snapshot.ProcessId, snapshot.ExitCode, snapshot.StartedAt, snapshot.Restarts, snapshot.Source,
            snapshot.IsExternal, snapshot.Urls, commands);
    }
}
