using Microsoft.Extensions.Logging;

namespace TradingPlatform.Hosting.Telemetry.Ingest;

/// <summary>OTLP severity (number, else text) to the .NET levels the dashboard filters on.</summary>
internal static class LogLevels
{
    public static LogLevel From(int severityNumber, string severityText) => severityNumber switch
    {
        >= 1 and <= 4 => LogLevel.Trace,
        >= 5 and <= 8 => LogLevel.Debug,
        >= 9 and <= 12 => LogLevel.Information,
        >= 13 and <= 16 => LogLevel.Warning,
        >= 17 and <= 20 => LogLevel.Error,
        >= 21 => LogLevel.Critical,
        _ => FromText(severityText),
    };

    // Senders that leave the number unspecified usually still write a conventional name.
    private static LogLevel FromText(string text) => text.ToUpperInvariant() switch
    {
        "TRACE" or "VERBOSE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" or "FAIL" => LogLevel.Error,
        "FATAL" or "CRITICAL" or "CRIT" => LogLevel.Critical,
        _ => LogLevel.Information,
    };
}
