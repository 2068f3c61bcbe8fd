using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Identity.ApiKeys;

/// <summary>The <c>ApiKeys</c> configuration section.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "ApiKeys";

    /// <summary>Keys a user may have active (neither revoked nor expired) at once; creating one more is a 409.</summary>
    [Range(1, 1000)]
    public int MaxActivePerUser { get; set; } = 10;

    /// <summary>The furthest <c>expiresAt</c> a new key may have, in days; a key without one never expires.</summary>
    [Range(1, 3650)]
    public int MaxLifetimeDays { get; set; } = 365;

    /// <summary>
    /// How stale <c>lastUsedAt</c> may be: it is written at most this often per key, so that an agent's burst of calls
    /// costs one UPDATE rather than one per call.
    /// </summary>
    [Range(1, 3600)]
    public int LastUsedResolutionSeconds { get; set; } = 60;

    public TimeSpan MaxLifetime => TimeSpan.FromDays(MaxLifetimeDays);

    public TimeSpan LastUsedResolution => TimeSpan.FromSeconds(LastUsedResolutionSeconds);
}
