using System.Diagnostics;
using System.Globalization;

namespace TradingPlatform.AppHost.ProcessTests;

internal static class Signals
{
    /// <summary>kill -{signal} {pid}; a process that is already gone is not an error.</summary>
    public static void Send(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardError = true,
        })!;
        kill.WaitForExit();
    }
}
