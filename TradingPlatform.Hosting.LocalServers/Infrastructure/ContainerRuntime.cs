using System.Diagnostics;

namespace TradingPlatform.Hosting.LocalServers.Infrastructure;

/// <summary>
/// Whether the container runtime Aspire would use answers. A docker client without a daemon is common (CI, a
/// sandbox): Aspire would then leave every container "Runtime unhealthy" and everything waiting on it waiting forever.
/// </summary>
internal static class ContainerRuntime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Runs <c>{runtime} info</c> (the runtime named by ASPIRE_CONTAINER_RUNTIME, docker by default).</summary>
    public static bool IsHealthy(string? configuredRuntime)
    {
        var runtime = string.IsNullOrWhiteSpace(configuredRuntime) ? "docker" : configuredRuntime;
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(Patience))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0 && process.StandardOutput.ReadToEnd().Trim().Length > 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
