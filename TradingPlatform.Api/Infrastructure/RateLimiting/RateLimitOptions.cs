using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Infrastructure.RateLimiting;

/// <summary>The <c>RateLimiting</c> configuration section; counts are per window and shared by every Api replica.</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    [Range(1, 60 * 60)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Requests per window for an authenticated user (seed 001: 100 per minute).</summary>
    [Range(1, 1_000_000)]
    public int PerUser { get; set; } = 100;

    /// <summary>Requests per window for an anonymous client, per IP address.</summary>
    [Range(1, 1_000_000)]
    public int PerIp { get; set; } = 100;

    /// <summary>Login and refresh attempts per window per IP address.</summary>
    [Range(1, 1_000_000)]
    public int AuthPerIp { get; set; } = 20;

    /// <summary>Login attempts per window per email address, whatever the IP.</summary>
    [Range(1, 1_000_000)]
    public int AuthPerEmail { get; set; } = 10;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
