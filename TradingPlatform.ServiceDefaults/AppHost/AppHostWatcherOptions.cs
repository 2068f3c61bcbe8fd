namespace TradingPlatform.ServiceDefaults.AppHost;

/// <summary>Settings of <see cref="AppHostWatcher"/>, section <c>AppHostWatcherOptions</c>.</summary>
public sealed class AppHostWatcherOptions
{
    /// <summary>The AppHost's process id, from <c>TRADINGPLATFORM_APPHOST_PID</c> (not from this section).</summary>
    public int ProcessId { get; set; }

    /// <summary>How often to look whether the AppHost is still there.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a graceful stop may take before the process exits anyway. Poll interval plus this stays well
    /// under the 10 s in which every service must be gone after its AppHost is killed.
    /// </summary>
    public TimeSpan ExitGracePeriod { get; set; } = TimeSpan.FromSeconds(5);
}
