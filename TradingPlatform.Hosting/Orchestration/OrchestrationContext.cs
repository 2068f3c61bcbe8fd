using Microsoft.Extensions.Configuration;

namespace TradingPlatform.Hosting.Orchestration;

/// <summary>What every resource controller shares: the model's context, notifications, logs, and the fatal-error switch.</summary>
internal sealed class OrchestrationContext(
    DistributedApplicationExecutionContext executionContext,
    IConfiguration configuration,
    ResourceNotificationService notifications,
    ResourceLoggerService logger,
    TimeProvider timeProvider,
    Dashboard.DashboardSettings? dashboard = null)
{
    /// <summary>Tells each service the AppHost's pid, so it exits when the AppHost is killed.</summary>
    public const string ParentPidVariable = "TRADINGPLATFORM_APPHOST_PID";

    /// <summary>The name the AppHost's own lines carry on the console.</summary>
    public const string AppHostLogName = "apphost";

    private readonly TaskCompletionSource<string> _fatal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    public IConfiguration Configuration { get; } = configuration;

    public ResourceNotificationService Notifications { get; } = notifications;

    public ResourceLoggerService Logger { get; } = logger;

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>The dashboard's addresses, when it runs: projects export their telemetry to it.</summary>
    public Dashboard.DashboardSettings? Dashboard { get; } = dashboard;

    /// <summary>Completes with a one-line message when a resource failed in a way that must stop the application.</summary>
    public Task<string> Fatal => _fatal.Task;

    public void Log(string line) => Logger.Write(AppHostLogName, line);

    /// <summary>Records the first fatal failure; the application prints it once, as it stops.</summary>
    public void ReportFatal(string message) => _fatal.TrySetResult(message);
}
