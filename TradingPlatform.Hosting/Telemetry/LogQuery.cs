using Microsoft.Extensions.Logging;

namespace TradingPlatform.Hosting.Telemetry;

/// <summary>A structured-logs filter; every criterion left null matches everything.</summary>
/// <param name="Text">Case-insensitive, matched against the message, the category and the attribute keys and values.</param>
/// <param name="Limit">The newest entries returned, at most.</param>
public sealed record LogQuery(
    string? Resource = null,
    LogLevel? MinimumLevel = null,
    string? Text = null,
    string? TraceId = null,
    int Limit = 500);
