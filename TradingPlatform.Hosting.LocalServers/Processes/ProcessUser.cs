using System.Runtime.InteropServices;

namespace TradingPlatform.Hosting.LocalServers.Processes;

/// <summary>Who this process runs as; PostgreSQL and RabbitMQ must not run as root.</summary>
internal static partial class ProcessUser
{
    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    public static bool IsRoot { get; } = OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;
}
