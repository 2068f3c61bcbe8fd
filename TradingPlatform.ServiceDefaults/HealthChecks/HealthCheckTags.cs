namespace TradingPlatform.ServiceDefaults.HealthChecks;

/// <summary>Tags that select which checks an endpoint runs.</summary>
public static class HealthCheckTags
{
    /// <summary>The process itself is alive: the only checks <c>/alive</c> runs.</summary>
    public const string Live = "live";

    /// <summary>A dependency (database, cache, broker, another service) the service needs to do its work.</summary>
    public const string Ready = "ready";
}
