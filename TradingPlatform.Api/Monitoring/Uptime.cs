using System.Globalization;

namespace TradingPlatform.Api.Monitoring;

internal static class Uptime
{
    /// <summary>"3d 04:05:06", or "unknown".</summary>
    public static string Format(TimeSpan? uptime) => uptime is { } t && t >= TimeSpan.Zero
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalDays}d {t.Hours:00}:{t.Minutes:00}:{t.Seconds:00}")
        : "unknown";
}
