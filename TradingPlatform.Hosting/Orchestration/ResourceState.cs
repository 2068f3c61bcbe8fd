namespace TradingPlatform.Hosting.Orchestration;

/// <summary>Lifecycle of a resource, as Aspire's dashboard names it.</summary>
public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Stopping,
    Exited,
    FailedToStart,
}
