using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace TradingPlatform.ServiceDefaults.Redis;

/// <summary>The <c>Redis</c> section: where in a shared Redis this deployment keeps its keys and channels.</summary>
public sealed class RedisNamespaceOptions
{
    public const string Section = "Redis";

    /// <summary>
    /// Written before every Redis key and pub/sub channel name the services use (and before the Api consumer's queue name), as
    /// is, separator included (<c>staging:</c>). Empty by default. It is a deployment setting: replicas of one
    /// deployment must share it (they share quotes, sessions, rate limits and the WebSocket fan-out through it);
    /// deployments, or test instances, that share one Redis set different ones to stay apart. Restricted to characters
    /// that are also safe in RabbitMQ queue names and URL path segments.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9._:-]{0,64}$", ErrorMessage = "Redis:KeyPrefix takes at most 64 letters, digits and . _ : - characters.")]
    public string KeyPrefix { get; set; } = "";

    /// <summary>The prefix as configured, for registrations that need it before options can be resolved.</summary>
    public static string ReadPrefix(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(Section)[nameof(KeyPrefix)] ?? "";
    }
}
