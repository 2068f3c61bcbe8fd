using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace TradingPlatform.Testing;

/// <summary>
/// Crashes a server of a test's own application the hard way (SIGKILL to its process and every descendant, as an OOM
/// kill or a host failure would) and waits for the AppHost's crash restarts to bring it back on the same port and data.
/// </summary>
public static class ServerProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Kills <paramref name="resource"/>'s process tree and returns once Aspire has seen it exit.</summary>
    public static async Task KillAsync(DistributedApplication application, string resource)
    {
        ArgumentNullException.ThrowIfNull(application);
        using var timeout = new CancellationTokenSource(Timeout);
        var running = await application.ResourceNotifications.WaitForResourceAsync(
            resource, e => e.Snapshot.State?.Text == KnownResourceStates.Running && ProcessId(e.Snapshot) is not null, timeout.Token);
        var pid = ProcessId(running.Snapshot) ?? throw new InvalidOperationException($"{resource} has no running process.");
        ProcFs.KillTree(pid);
        await application.ResourceNotifications.WaitForResourceAsync(resource, e => ProcessId(e.Snapshot) != pid, timeout.Token);
    }

    /// <summary>Waits until <paramref name="resource"/> runs again and answers its health check.</summary>
    public static async Task WaitUntilRestartedAsync(DistributedApplication application, string resource)
    {
        ArgumentNullException.ThrowIfNull(application);
        using var timeout = new CancellationTokenSource(Timeout);
        await application.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && ProcessId(e.Snapshot) is not null
                 && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
            timeout.Token);
    }

    /// <summary>The pid Aspire reports for an executable or project resource.</summary>
    public static int? ProcessId(CustomResourceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
               && int.TryParse(value.ToString(), out var pid) ? pid : null;
    }
}
