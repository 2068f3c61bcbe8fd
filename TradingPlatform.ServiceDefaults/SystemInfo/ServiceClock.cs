namespace TradingPlatform.ServiceDefaults.SystemInfo;

/// <summary>When this service started, for its uptime.</summary>
public sealed class ServiceClock(TimeProvider timeProvider)
{
    public DateTimeOffset StartedAt { get; } = timeProvider.GetUtcNow();

    public TimeSpan Uptime => timeProvider.GetUtcNow() - StartedAt;
}
