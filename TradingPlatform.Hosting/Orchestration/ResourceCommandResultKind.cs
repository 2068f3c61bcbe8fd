namespace TradingPlatform.Hosting.Orchestration;

/// <summary>How a resource command ended.</summary>
public enum ResourceCommandResultKind
{
    /// <summary>The command was carried out.</summary>
    Ok,

    /// <summary>There is no resource with that name.</summary>
    NotFound,

    /// <summary>The resource (external, a database) or the command itself is not one that can be run.</summary>
    NotSupported,

    /// <summary>The command does not apply to the resource's current state (stop a stopped one, the AppHost stopping).</summary>
    InvalidState,
}
