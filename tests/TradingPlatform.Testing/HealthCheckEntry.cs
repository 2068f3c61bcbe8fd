namespace TradingPlatform.Testing;

/// <summary>One check of the Development health report.</summary>
public sealed record HealthCheckEntry(string Name, string Status, string? Description, double DurationMs, IReadOnlyList<string> Tags);
