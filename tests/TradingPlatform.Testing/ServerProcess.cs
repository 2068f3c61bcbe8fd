using System.Diagnostics;
using System.Globalization;
using TradingPlatform.Hosting;

namespace TradingPlatform.Testing;

/// <summary>
/// Crashes a server of a test's own application model the hard way (SIGKILL to its whole process group, as an OOM kill
/// or a host failure would) and waits for the orchestrator to restart it on the same port and data folder.
/// </summary>
public static class ServerProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Kills <paramref name="resource"/>'s process group and returns once the orchestrator has seen it exit.</summary>
    public static async Task KillAsync(DistributedApplication application, string resource)
    {
        ArgumentNullException.ThrowIfNull(application);
        var pid = application.ResourceNotifications.Get(resource)?.ProcessId
            ?? throw new InvalidOperationException($"{resource} has no running process.");
        // Each server runs in its own session (setsid), so its pid is its process group: the kill takes every child.
        using (var kill = Process.Start("kill", ["-KILL", "--", "-" + pid.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(Timeout);
        await application.ResourceNotifications.WaitForResourceAsync(resource, s => s.ProcessId != pid, timeout.Token);
    }

    /// <summary>Waits until <paramref name="resource"/> runs again and answers its health probe.</summary>
    public static async Task WaitUntilRestartedAsync(DistributedApplication application, string resource)
    {
        ArgumentNullException.ThrowIfNull(application);
        using var timeout = new CancellationTokenSource(Timeout);
        var snapshot = await application.ResourceNotifications.WaitForResourceAsync(
            resource, s => (s.ProcessId is not null && s.IsHealthy) || s.IsTerminal, timeout.Token);
        if (!snapshot.IsHealthy)
        {
            throw new InvalidOperationException($"{resource} did not restart: {snapshot.State} {snapshot.HealthReason}");
        }
    }
}
