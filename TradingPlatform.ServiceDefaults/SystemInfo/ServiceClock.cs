using System.Diagnostics;

namespace TradingPlatform.ServiceDefaults.SystemInfo;

/// <summary>When this service's process started (not when this object was first resolved), for its uptime.</summary>
public sealed class ServiceClock(TimeProvider timeProvider)
{
    public DateTimeOffset StartedAt { get; } = ProcessStart();

    public TimeSpan Uptime => timeProvider.GetUtcNow() - StartedAt;

    private static DateTimeOffset ProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
    }
}
