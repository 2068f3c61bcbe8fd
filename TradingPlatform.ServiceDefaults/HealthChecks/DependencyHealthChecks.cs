namespace TradingPlatform.ServiceDefaults.HealthChecks;

/// <summary>Settings shared by every health check of a dependency (database, cache, broker, another service).</summary>
public static class DependencyHealthChecks
{
    /// <summary>
    /// A check against a server that black-holes packets must not hang <c>/health</c>: the health-check service
    /// cancels the check after this long and reports it Unhealthy. Refused connections fail far sooner.
    /// </summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Dependencies are readiness, never liveness: <c>/alive</c> must not fail because a database is down.</summary>
    public static IReadOnlyList<string> Tags { get; } = [HealthCheckTags.Ready];
}
