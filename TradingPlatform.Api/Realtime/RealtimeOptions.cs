using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Realtime;

/// <summary>Limits and windows of the WebSocket protocol (section <c>Realtime</c>).</summary>
public sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    /// <summary>How long a socket may stay open without a valid token before it is closed with 4001.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AuthTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long user-channel messages stay replayable (at least 10 minutes in production).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many messages per user channel are kept for replay, whatever their age.</summary>
    [Range(10, 1_000_000)]
    public int MaxReplayMessages { get; set; } = 10_000;

    /// <summary>Queued messages per connection before a slow client loses price ticks (conflated) or is closed (4008).</summary>
    [Range(4, 100_000)]
    public int SendQueueCapacity { get; set; } = 256;

    /// <summary>The largest client message accepted; a larger one closes the socket with 1009.</summary>
    [Range(256, 16 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Token bucket of client messages: burst size.</summary>
    [Range(1, 10_000)]
    public int RateLimitBurst { get; set; } = 20;

    /// <summary>Token bucket of client messages: tokens added per second.</summary>
    [Range(0.01, 10_000)]
    public double RateLimitPerSecond { get; set; } = 10;

    /// <summary>Refused (rate-limited) messages tolerated before the socket is closed with 1008.</summary>
    [Range(1, 10_000)]
    public int RateLimitStrikes { get; set; } = 10;

    /// <summary>How often subscribers of <c>system</c> get a <c>system_status</c> even when nothing changed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SystemStatusInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the server pings a client (WebSocket ping frames, answered by any client library).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A client that does not answer a ping within this time is dropped.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Prefix of every Redis key and pub/sub channel this feature uses (after the deployment's <c>Redis:KeyPrefix</c>).</summary>
    [Required]
    public string RedisPrefix { get; set; } = "realtime";
}
