namespace TradingPlatform.Hosting.Telemetry;

/// <summary>A traces-list filter; every criterion left null or false matches everything.</summary>
/// <param name="Resource">Traces in which this resource reported at least one span.</param>
/// <param name="Text">Case-insensitive, matched against the names of the trace's spans.</param>
/// <param name="Limit">The newest traces (by start) returned, at most.</param>
public sealed record TraceQuery(string? Resource = null, string? Text = null, bool ErrorsOnly = false, int Limit = 200);
