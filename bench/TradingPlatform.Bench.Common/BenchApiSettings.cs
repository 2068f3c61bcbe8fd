using System.Security.Cryptography;

namespace TradingPlatform.Bench.Common;

/// <summary>The Api's settings as the load benchmarks run it.</summary>
public static class BenchApiSettings
{
    /// <summary>
    /// The servers' connection strings plus: a fresh signing key, no rate limits, no simulated feed or history (the
    /// benchmark publishes quotes itself), cheap password hashes (only the sign-ups hash; no measured path does), quiet
    /// logs, and an AiService address where nothing listens (no measured path calls it).
    /// </summary>
    public static Dictionary<string, string?> For(IReadOnlyDictionary<string, string?> connectionStrings, string unreachableAiUrl) =>
        new(connectionStrings, StringComparer.OrdinalIgnoreCase)
        {
            ["Jwt:SigningKey"] = RandomNumberGenerator.GetHexString(64),
            ["RateLimiting:Enabled"] = "false",
            ["Market:Feed:Enabled"] = "false",
            ["Market:History:Enabled"] = "false",
            ["AccountSecurity:PasswordHashIterations"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["services:ai:http:0"] = unreachableAiUrl,
        };
}
