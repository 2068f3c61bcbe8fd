using System.Reflection;

namespace TradingPlatform.ServiceDefaults.SystemInfo;

/// <summary>Who this service is: its name, version and how long it has been up.</summary>
public sealed record ServiceInfo(string Name, string Version, DateTimeOffset StartedAt, double UptimeSeconds)
{
    public static string CurrentVersion { get; } =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
        ?? Assembly.GetEntryAssembly()?.GetName().Version?.ToString()
        ?? "unknown";
}
