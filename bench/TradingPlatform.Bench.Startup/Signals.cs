using System.Runtime.InteropServices;

namespace TradingPlatform.Bench.Startup;

/// <summary>POSIX kill(2): Process.Kill only sends SIGKILL, and the AppHost is stopped with SIGTERM, as a service manager would.</summary>
internal static partial class Signals
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;
}
