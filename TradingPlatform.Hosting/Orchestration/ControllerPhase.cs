namespace TradingPlatform.Hosting.Orchestration;

/// <summary>Where a process controller's run loop is, as far as commands are concerned.</summary>
internal enum ControllerPhase
{
    /// <summary>The run loop has not begun.</summary>
    NotStarted,

    /// <summary>Waiting for dependencies, starting, running, or in crash back-off: it can be stopped.</summary>
    Active,

    /// <summary>Stopped by a command: no process, no automatic restart, until a start command.</summary>
    Stopped,

    /// <summary>The run loop has ended (the AppHost stopped or the resource failed for good).</summary>
    Finished,
}
