using TradingPlatform.Hosting.Orchestration;

namespace TradingPlatform.Hosting.Dashboard;

internal static class ResourceCommands
{
    public static IReadOnlyList<string> Available(ResourceSnapshot snapshot) => snapshot.IsExternal || snapshot.ResourceType == "PostgresDatabase"
        ? []
        : snapshot.State switch
        {
            ResourceState.Exited or ResourceState.FailedToStart => ["start"],
            ResourceState.Running or ResourceState.Starting or ResourceState.Waiting => ["stop", "restart"],
            _ => [],
        };
}
